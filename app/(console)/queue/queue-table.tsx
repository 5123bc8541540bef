'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { BadgeCheck, Layers, UserCheck } from 'lucide-react';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import { ActionLevelBadge } from '@/components/action-level-badge';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { InertText } from '@/components/inert-text';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { IntentPrefetchLink } from '@/components/ui/intent-prefetch-link';
import { TABLE_LINK_CLASS } from '@/components/ui/table';
import type { PendingActionRow, ReviewQueue } from '@/lib/actions/list-pending-actions';
import { ACTION_LEVELS } from '@/lib/policy/action-levels';
import { AgeCell, useNow } from './age-cell';
import { DecideDialog, type DecideRequest } from './decide-dialog';
import { QueueKeyboard } from './queue-keyboard';

const column = createColumnHelper<PendingActionRow>();

/** What the cells need beyond their row, and what changes between renders: read from context, not closed over. */
type QueueCellContext = { canDecide: boolean; traces: ReviewQueue['traces']; openTrace: (id: string) => void; now: number };
const CellContext = createContext<QueueCellContext | null>(null);
function useCellContext(): QueueCellContext {
  const context = useContext(CellContext);
  if (!context) throw new Error('Queue cells render inside QueueTable.');
  return context;
}

// Built once, at module level. TanStack renders a cell function as a component: a new function on every render is
// a new component type, so every row's cells would remount on each live refresh, the link under the reviewer's
// pointer would be replaced mid-click, and each new link would be prefetched again.
const COLUMNS = [
  column.accessor((row) => row.summary ?? row.tool, { id: 'summary', header: 'Action', cell: (info) => <ActionCell action={info.row.original} /> }),
  column.accessor('actionLevel', {
    header: 'Level',
    // By impact (read … external), not alphabetically.
    sortingFn: (a, b) => ACTION_LEVELS.indexOf(a.original.actionLevel!) - ACTION_LEVELS.indexOf(b.original.actionLevel!),
    cell: (info) => <ActionLevelBadge level={info.getValue()} />,
  }),
  column.accessor('requester', {
    header: 'Requester',
    // The agent's claim: invisible characters shown, so "ceo@corp" cannot hide a right-to-left override.
    cell: (info) => {
      const requester = info.getValue();
      if (!requester) return <span className="text-gray-500">—</span>;
      return (
        <span className="inline-flex items-center gap-1">
          <InertText text={requester} className="break-words" />
          {info.row.original.requesterVerified ? <BadgeCheck aria-label="verified" className="size-4 shrink-0 text-emerald-600" /> : null}
        </span>
      );
    },
  }),
  column.accessor('approvals', {
    header: 'Approvals',
    cell: (info) => {
      const row = info.row.original;
      return (
        <div className="whitespace-nowrap">
          <span className="tabular-nums">{row.approvals} of {row.required}</span>
          {row.assignedGroup ? <p className="text-xs text-gray-600">{row.assignedGroup}</p> : null}
        </div>
      );
    },
  }),
  column.accessor('createdAt', { header: 'Age', cell: (info) => <AgeColumnCell createdAt={info.getValue()} expiresAt={info.row.original.expiresAt} /> }),
];

type Props = { actions: PendingActionRow[]; traces: ReviewQueue['traces']; filtered: boolean; canDecide: boolean };

export function QueueTable({ actions, traces, filtered, canDecide }: Props) {
  const [selected, setSelected] = useState<string | null>(null);
  const [request, setRequest] = useState<DecideRequest | null>(null);
  const now = useNow(30_000);

  const openTrace = useCallback((id: string) => {
    const traceId = actions.find((action) => action.id === id)?.traceId;
    if (traceId && traces[traceId]) setRequest({ actions: traces[traceId], decision: null, traceId });
  }, [actions, traces]);
  const openDecision = useCallback((id: string, decision: 'approved' | 'rejected') => {
    const action = actions.find((candidate) => candidate.id === id);
    if (action) setRequest({ actions: [action], decision });
  }, [actions]);
  const cellContext = useMemo(() => ({ canDecide, traces, openTrace, now }), [canDecide, traces, openTrace, now]);

  const table = (
    <DataTable
      columns={COLUMNS}
      data={actions}
      getRowId={(row) => row.id}
      rowProps={(row) => ({
        'data-row-id': row.id,
        'aria-selected': row.id === selected,
        onClick: () => setSelected(row.id),
        // The bar sits on the first cell: box-shadow on a <tr> is not drawn by every browser.
        className: row.id === selected ? 'bg-indigo-50 hover:bg-indigo-50 [&>td:first-child]:shadow-[inset_3px_0_0_var(--color-indigo-600)]' : undefined,
      })}
      caption="Actions pending review"
      initialSorting={[{ id: 'createdAt', desc: true }]}
      empty={
        <EmptyState
          title="Nothing waiting for review"
          description={filtered ? 'No pending actions match these filters.' : 'New proposals that need a person will appear here as they arrive.'}
        />
      }
    />
  );
  // One tree whether or not rows remain: deciding the last row empties the queue, and the dialog showing that
  // decision's result must stay mounted (and keep its state) through the refresh.
  return (
    <CellContext value={cellContext}>
      <QueueKeyboard
        hideHints={actions.length === 0}
        selected={selected}
        onSelect={setSelected}
        onDecide={canDecide ? openDecision : undefined}
        onTrace={canDecide && Object.keys(traces).length > 0 ? openTrace : undefined}
      >
        {table}
        <DecideDialog request={request} onClose={() => setRequest(null)} />
      </QueueKeyboard>
    </CellContext>
  );
}

function AgeColumnCell({ createdAt, expiresAt }: { createdAt: string; expiresAt: string | null }) {
  return <AgeCell createdAt={createdAt} expiresAt={expiresAt} now={useCellContext().now} />;
}

function ActionCell({ action }: { action: PendingActionRow }) {
  const { canDecide, traces, openTrace } = useCellContext();
  const trace = canDecide ? traces[action.traceId] : undefined;
  return (
    <div className="min-w-64 sm:min-w-72">
      <IntentPrefetchLink href={`/actions/${action.id}`} className={cn(TABLE_LINK_CLASS, 'break-words')}>
        <InertText text={action.summary ?? action.tool} />
      </IntentPrefetchLink>
      <p className="mt-0.5 text-xs text-gray-600">
        {action.agent} · <span className="font-mono">{action.tool}</span>
      </p>
      {action.riskFlags.length > 0 || action.waitingForMe ? (
        <div className="mt-1 flex flex-wrap gap-1">
          {action.waitingForMe ? (
            <Badge tone={action.override ? 'violet' : 'blue'} title={action.override ? 'You may approve it only as an admin override of separation of duties' : 'You may approve this now'}>
              <UserCheck aria-hidden className="mr-1 size-3" />
              {action.override ? 'Waiting for you (override)' : 'Waiting for you'}
            </Badge>
          ) : null}
          {uniqueFlags(action).map((flag) => (
            <Badge key={flag.code} tone="amber" title={flag.causes.join('\n')} data-risk={flag.code}>
              {flag.label}
              {flag.causes.length > 1 ? ` ×${flag.causes.length}` : null}
            </Badge>
          ))}
        </div>
      ) : null}
      {trace ? (
        <Button variant="secondary" size="sm" className="mt-1.5 h-7 px-2 text-xs" onClick={() => openTrace(action.id)} aria-label={`Decide all ${trace.length} in trace ${action.traceId}`}>
          <Layers aria-hidden className="size-3.5" />
          {trace.length} in this trace…
        </Button>
      ) : null}
    </div>
  );
}

/** One badge per kind of risk, its causes on hover (the review card lists them in full). */
function uniqueFlags(action: PendingActionRow) {
  const byCode = new Map<string, { code: string; label: string; causes: string[] }>();
  for (const flag of action.riskFlags) {
    const entry = byCode.get(flag.code) ?? { code: flag.code, label: flag.label, causes: [] };
    entry.causes.push(flag.cause);
    byCode.set(flag.code, entry);
  }
  return [...byCode.values()];
}
