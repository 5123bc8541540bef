'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { markIncidentActionsMutation, requestIncidentRollbacksMutation } from './mutations';
import type { IncidentActionRow } from '@/lib/incidents/get-incident-summary';
import type { IncidentRollbackOutcome } from '@/lib/incidents/request-incident-rollbacks';
import { INCIDENT_MARK_LABELS, INCIDENT_MARKS, type IncidentMarkKind } from '@/lib/incidents/timeline/schemas';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Label, Select, Textarea } from '@/components/ui/field';
import { INCIDENT_ACTION_COLUMNS, SelectionContext } from './incident-action-columns';

type Props = {
  incidentId: string;
  closed: boolean;
  canRollBack: boolean;
  actions: IncidentActionRow[];
  truncated: boolean;
};
type Outcome =
  { ok: true; message: string; rollbacks?: IncidentRollbackOutcome[] } | { ok: false; error: string } | null;

/**
 * The window's actions (executed first) with a selection: mark them with a note, or request the compensation of the
 * executed ones. Each rollback is its own request; their outcomes are listed one by one.
 */
export function IncidentActionsPanel({ incidentId, closed, canRollBack, actions, truncated }: Props) {
  const router = useRouter();
  const [executedOnly, setExecutedOnly] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [mark, setMark] = useState<IncidentMarkKind>('needs_follow_up');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const rows = useMemo(() => (executedOnly ? actions.filter((a) => a.executed) : actions), [actions, executedOnly]);
  const selection = useMemo(
    () => ({
      selected,
      toggle: (id: string) =>
        setSelected((current) => {
          const next = new Set(current);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
    }),
    [selected],
  );
  const chosen = actions.filter((a) => selected.has(a.id));
  const rollbackable = chosen.filter((a) => a.rollback.requestable);

  const markSelected = () =>
    startTransition(async () => {
      const result = await markIncidentActionsMutation({ incidentId, actionIds: chosen.map((a) => a.id), mark, note });
      if (!result.ok) return setOutcome(result);
      setOutcome({
        ok: true,
        message: `Marked ${result.data.marked} ${result.data.marked === 1 ? 'action' : 'actions'} "${INCIDENT_MARK_LABELS[mark]}".`,
      });
      setSelected(new Set());
      setNote('');
      router.refresh();
    });

  const rollBackSelected = () =>
    startTransition(async () => {
      const result = await requestIncidentRollbacksMutation({
        incidentId,
        actionIds: rollbackable.map((a) => a.id),
        note,
      });
      if (!result.ok) return setOutcome(result);
      const requested = result.data.filter((r) => r.ok).length;
      setOutcome({
        ok: true,
        message: `Rollback requested for ${requested} of ${result.data.length}.`,
        rollbacks: result.data,
      });
      setSelected(new Set());
      router.refresh();
    });

  return (
    <Card aria-labelledby="incident-actions">
      <CardHeader
        id="incident-actions"
        title="Actions"
        description={`Executed actions first. Select some to mark them${canRollBack ? ' or to request their rollback' : ''}.${truncated ? ' Only the first 5,000 are listed; the timeline shows every event.' : ''}`}
        actions={
          <label className="flex items-center gap-2 text-sm text-gray-800">
            <input
              type="checkbox"
              className="size-4 rounded border-gray-300 accent-indigo-600"
              checked={executedOnly}
              onChange={(e) => setExecutedOnly(e.target.checked)}
            />
            Executed only
          </label>
        }
      />
      <SelectionContext value={selection}>
        <DataTable
          columns={INCIDENT_ACTION_COLUMNS}
          data={rows}
          getRowId={(row) => row.id}
          caption="The incident's actions"
          rowProps={(row) => ({
            'aria-selected': selected.has(row.id),
            className: selected.has(row.id) ? 'bg-indigo-50' : undefined,
          })}
          empty={
            <EmptyState
              title={executedOnly ? 'Nothing executed' : 'No actions in the window'}
              description={
                executedOnly
                  ? 'No action of these agents ran a tool within the window.'
                  : "The incident's agents proposed nothing within its window (yet)."
              }
            />
          }
        />
      </SelectionContext>
      <div className="flex flex-col gap-3 border-t border-gray-200 px-4 py-4 sm:px-5">
        <p className="text-sm text-gray-800" aria-live="polite">
          {chosen.length === 0 ? 'Nothing selected.' : `${chosen.length} selected.`}
        </p>
        <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
          <div>
            <Label htmlFor="incident-mark">Mark</Label>
            <Select
              id="incident-mark"
              value={mark}
              onChange={(e) => setMark(e.target.value as IncidentMarkKind)}
              disabled={closed}
            >
              {INCIDENT_MARKS.map((kind) => (
                <option key={kind} value={kind}>
                  {INCIDENT_MARK_LABELS[kind]}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor="incident-mark-note">Note</Label>
            <Textarea
              id="incident-mark-note"
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder="What you checked, what is left to do"
            />
          </div>
        </div>
        {closed ? (
          <p className="text-sm text-gray-700">
            The incident is closed: marks can no longer change. Rollbacks can still be requested.
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button onClick={markSelected} disabled={closed || pending || chosen.length === 0} aria-busy={pending}>
            Mark selected
          </Button>
          {canRollBack ? (
            <Button
              variant="secondary"
              onClick={rollBackSelected}
              disabled={pending || rollbackable.length === 0}
              aria-busy={pending}
            >
              Request rollback{rollbackable.length > 0 ? ` (${rollbackable.length})` : ''}
            </Button>
          ) : null}
        </div>
        {outcome && !outcome.ok ? <ErrorAlert>{outcome.error}</ErrorAlert> : null}
        {outcome?.ok ? (
          <div role="status" className="text-sm text-emerald-800">
            <p>{outcome.message}</p>
            {outcome.rollbacks ? (
              <ul className="mt-1 list-disc pl-5 text-gray-800">
                {outcome.rollbacks.map((r) => (
                  <li key={r.actionId}>
                    <span className="font-mono">{r.actionId.slice(-12)}</span>:{' '}
                    {r.ok ? (
                      <a className="text-indigo-700 hover:underline" href={`/actions/${r.rollbackId}`}>
                        compensation {r.status.replace('_', ' ')}
                      </a>
                    ) : (
                      r.error
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}
