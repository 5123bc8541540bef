'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { ArrowUp, BadgeCheck, Layers, UserCheck } from 'lucide-react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ActionLevelBadge } from '@/components/action-level-badge';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { InertText } from '@/components/inert-text';
import { RiskFlagBadge } from '@/components/risk-flag-badge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { IntentPrefetchLink } from '@/components/ui/intent-prefetch-link';
import { TABLE_LINK_CLASS } from '@/components/ui/table';
import type { PendingActionRow } from '@/lib/actions/read-queue-rows';
import type { QueueRemoval } from '@/lib/actions/watch-review-queue';
import { AgeCell, useNow } from './age-cell';
import { ReviewDialog, type ReviewRequest } from './review-dialog';
import { useLiveQueue } from './live-queue';
import { QueueKeyboard } from './queue-keyboard';

const column = createColumnHelper<PendingActionRow>();

/** What the cells need beyond their row, and what changes between renders: read from context, not closed over. */
type QueueCellContext = { canDecide: boolean; openTrace: (row: PendingActionRow) => void; now: number };
const CellContext = createContext<QueueCellContext | null>(null);
function useCellContext(): QueueCellContext {
  const context = useContext(CellContext);
  if (!context) throw new Error('Queue cells render inside QueueTable.');
  return context;
}

// Built once, at module level. TanStack renders a cell function as a component: a new function on every render is
// a new component type, so every row's cells would remount on each live update, the link under the reviewer's
// pointer would be replaced mid-click, and each new link would be prefetched again. The order is the server's
// (newest, oldest or riskiest first), so the columns do not sort on the client.
const COLUMNS = [
  column.accessor((row) => row.summary ?? row.tool, {
    id: 'summary',
    header: 'Action',
    enableSorting: false,
    cell: (info) => <ActionCell action={info.row.original} />,
  }),
  column.accessor('actionLevel', {
    header: 'Level',
    enableSorting: false,
    cell: (info) => <ActionLevelBadge level={info.getValue()} supportsRollback={info.row.original.supportsRollback} />,
  }),
  column.accessor('requester', {
    header: 'Requester',
    enableSorting: false,
    // The agent's claim: invisible characters shown, so "ceo@corp" cannot hide a right-to-left override.
    cell: (info) => <RequesterCell row={info.row.original} />,
  }),
  column.accessor('approvals', {
    header: 'Approvals',
    enableSorting: false,
    cell: (info) => {
      const row = info.row.original;
      return (
        <div className="whitespace-nowrap">
          <span className="tabular-nums">
            {row.approvals} of {row.required}
          </span>
          {row.assignedGroup ? <p className="text-xs text-gray-600">{row.assignedGroup}</p> : null}
        </div>
      );
    },
  }),
  column.accessor('createdAt', {
    header: 'Age',
    enableSorting: false,
    cell: (info) => (
      <AgeColumnCell
        createdAt={info.getValue()}
        expiresAt={info.row.original.expiresAt}
        frozen={info.row.original.frozen}
      />
    ),
  }),
];

// On a phone the table becomes a list of compact cards: no header row, each row a block, each cell a line.
const PHONE_CARDS =
  'max-sm:[&_thead]:sr-only max-sm:[&_tr]:block max-sm:[&_tr]:border-b max-sm:[&_tr]:border-gray-200 max-sm:[&_tr]:py-2 max-sm:[&_td]:block max-sm:[&_td]:border-0 max-sm:[&_td]:px-4 max-sm:[&_td]:py-0.5 max-sm:[&_td:nth-child(n+3)]:inline-block max-sm:[&_td:nth-child(n+3)]:pr-1 max-sm:[&_td:nth-child(n+3)]:text-xs';

export function QueueTable({ filtered }: { filtered: boolean }) {
  const { state, canDecide, release, loadMore, loadingMore, engagementProps, renderedAt } = useLiveQueue();
  const { rows, held, gone } = state;
  const [selected, setSelected] = useState<string | null>(null);
  const [request, setRequest] = useState<ReviewRequest | null>(null);
  const now = useNow(30_000, renderedAt);

  const openTrace = useCallback(
    (row: PendingActionRow) => setRequest({ actions: [row], decision: null, traceId: row.traceId }),
    [],
  );
  const openDecision = useCallback(
    (id: string, decision: 'approved' | 'rejected') => {
      const action = rows.find((candidate) => candidate.id === id);
      if (action) setRequest({ actions: [action], decision });
    },
    [rows],
  );
  const openTraceOf = useCallback(
    (id: string) => {
      const action = rows.find((candidate) => candidate.id === id);
      if (action && action.traceSize > 1) openTrace(action);
    },
    [rows, openTrace],
  );
  const cellContext = useMemo(() => ({ canDecide, openTrace, now }), [canDecide, openTrace, now]);
  // The selected row left (decided elsewhere): the selection moves on to the row in its place, and this says why.
  const [left, setLeft] = useState<QueueRemoval | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a row leaving is an event of the live stream: shown once, until its timer clears it
    if (selected && gone[selected]) setLeft(gone[selected]);
  }, [gone, selected]);
  useEffect(() => {
    if (!left) return;
    const timer = setTimeout(() => setLeft(null), 10_000);
    return () => clearTimeout(timer);
  }, [left]);

  const table = (
    <DataTable
      columns={COLUMNS}
      data={rows}
      getRowId={(row) => row.id}
      rowProps={(row) => ({
        'data-row-id': row.id,
        'aria-selected': row.id === selected,
        onClick: () => setSelected(row.id),
        // The bar sits on the first cell: box-shadow on a <tr> is not drawn by every browser.
        className:
          row.id === selected
            ? 'bg-indigo-50 hover:bg-indigo-50 [&>td:first-child]:shadow-[inset_3px_0_0_var(--color-indigo-600)]'
            : undefined,
      })}
      caption="Actions pending review"
      empty={
        <EmptyState
          title="Nothing waiting for review"
          description={
            filtered
              ? 'No pending actions match these filters.'
              : 'New proposals that need a person will appear here as they arrive.'
          }
        />
      }
    />
  );
  // One tree whether or not rows remain: deciding the last row empties the queue, and the dialog showing that
  // decision's result must stay mounted (and keep its state) through the update.
  return (
    <CellContext value={cellContext}>
      <div {...engagementProps} data-testid="queue-list" className="relative">
        {held.length > 0 ? (
          // Over the table's header, not above it: nothing in the list moves when it appears.
          <div className="pointer-events-none absolute inset-x-0 top-0 z-10 flex justify-center pt-0.5">
            <Button size="sm" className="pointer-events-auto h-7 shadow-md" onClick={release}>
              <ArrowUp aria-hidden className="size-4" />
              Show {held.length} new {held.length === 1 ? 'proposal' : 'proposals'}
            </Button>
          </div>
        ) : null}
        {left ? <LeftNotice status={left.status} decidedBy={left.decidedBy} /> : null}
        <QueueKeyboard
          hideHints={rows.length === 0}
          selected={selected}
          onSelect={setSelected}
          onDecide={canDecide ? openDecision : undefined}
          onTrace={canDecide ? openTraceOf : undefined}
        >
          <div className={PHONE_CARDS}>{table}</div>
          {state.nextCursor ? (
            <div className="flex justify-center border-t border-gray-200 px-4 py-3">
              <Button variant="secondary" size="sm" onClick={() => void loadMore()} disabled={loadingMore}>
                {loadingMore ? 'Loading…' : 'Show more'}
              </Button>
            </div>
          ) : null}
          <ReviewDialog request={request} gone={gone} onClose={() => setRequest(null)} />
        </QueueKeyboard>
      </div>
    </CellContext>
  );
}

/** The selected row left the queue: say why, and who decided, instead of silently selecting another. */
function LeftNotice({ status, decidedBy }: { status: string; decidedBy: string | null }) {
  const what =
    status === 'approved' || status === 'executing' || status === 'succeeded' || status === 'failed'
      ? 'approved'
      : status === 'rejected'
        ? 'rejected'
        : status === 'expired'
          ? 'expired'
          : status === 'pending_review' || status === 'left'
            ? 'no longer in this view'
            : status;
  return (
    // Fixed, like a toast: a notice pushed in above the rows would move them under the pointer.
    <p
      role="status"
      className="fixed bottom-4 left-1/2 z-30 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 shadow-lg"
    >
      The action you had selected was {what}
      {decidedBy && (what === 'approved' || what === 'rejected') ? ` by ${decidedBy}` : ''} just now.
    </p>
  );
}

function AgeColumnCell({
  createdAt,
  expiresAt,
  frozen,
}: {
  createdAt: string;
  expiresAt: string | null;
  frozen: boolean;
}) {
  return <AgeCell createdAt={createdAt} expiresAt={expiresAt} frozen={frozen} now={useCellContext().now} />;
}

function RequesterCell({ row }: { row: PendingActionRow }) {
  if (!row.requester) return <span className="text-gray-500 max-sm:hidden">—</span>;
  return (
    <span className="inline-flex items-center gap-1">
      <span className="sm:hidden text-gray-600">for </span>
      <InertText text={row.requester} className="break-words" />
      {row.requesterVerified ? <BadgeCheck aria-label="verified" className="size-4 shrink-0 text-emerald-600" /> : null}
    </span>
  );
}

function ActionCell({ action }: { action: PendingActionRow }) {
  const { canDecide, openTrace } = useCellContext();
  return (
    <div className="min-w-0 sm:min-w-72">
      <IntentPrefetchLink href={`/actions/${action.id}`} className={cn(TABLE_LINK_CLASS, 'break-words')}>
        <InertText text={action.summary ?? action.tool} />
      </IntentPrefetchLink>
      <p className="mt-0.5 text-xs text-gray-600">
        {action.agent} · <span className="font-mono">{action.tool}</span>
      </p>
      {action.riskFlags.length > 0 || action.waitingForMe ? (
        <div className="mt-1 flex flex-wrap gap-1">
          {action.waitingForMe ? (
            <Badge
              tone={action.override ? 'violet' : 'blue'}
              title={
                action.override
                  ? 'You may approve it only as an admin override of separation of duties'
                  : 'You may approve this now'
              }
            >
              <UserCheck aria-hidden className="mr-1 size-3" />
              {action.override ? 'Waiting for you (override)' : 'Waiting for you'}
            </Badge>
          ) : null}
          {uniqueFlags(action).map((flag) => (
            <RiskFlagBadge
              key={flag.code}
              code={flag.code}
              label={flag.causes.length > 1 ? `${flag.label} ×${flag.causes.length}` : flag.label}
              severity={flag.severity}
              causes={flag.causes}
            />
          ))}
        </div>
      ) : null}
      {canDecide && action.traceSize > 1 ? (
        <Button
          variant="secondary"
          size="sm"
          className="mt-1.5 h-7 px-2 text-xs"
          onClick={() => openTrace(action)}
          aria-label={`Decide all ${action.traceSize} in trace ${action.traceId}`}
        >
          <Layers aria-hidden className="size-3.5" />
          {action.traceSize} in this trace…
        </Button>
      ) : null}
    </div>
  );
}

/** One badge per kind of risk, most severe first (as stored), its causes on hover (the card lists them in full). */
function uniqueFlags(action: PendingActionRow) {
  const byCode = new Map<
    string,
    {
      code: PendingActionRow['riskFlags'][number]['code'];
      label: string;
      severity: PendingActionRow['riskFlags'][number]['severity'];
      causes: string[];
    }
  >();
  for (const flag of action.riskFlags) {
    const entry = byCode.get(flag.code) ?? { code: flag.code, label: flag.label, severity: flag.severity, causes: [] };
    entry.causes.push(flag.cause);
    byCode.set(flag.code, entry);
  }
  return [...byCode.values()];
}
