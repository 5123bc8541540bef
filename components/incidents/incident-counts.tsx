import { STATUS_LABELS, type ActionStatus } from '@/lib/policy/action-status';
import type { IncidentSummary } from '@/lib/incidents/get-incident-summary';
import { Card, CardHeader } from '../ui/card';

type Count = IncidentSummary['byStatus'][number];

/** The Overview's counts: the window's actions by status, by tool and by the reviewer who decided them. */
export function IncidentCounts({ summary }: { summary: IncidentSummary }) {
  return (
    <Card aria-labelledby="incident-counts">
      <CardHeader
        id="incident-counts"
        title={`${summary.total} actions in the window · ${summary.executed} executed`}
        description="Actions the incident's agents proposed within its window. Executed: the tool ran (succeeded, failed or still running), so side effects may have happened."
      />
      <div className="grid gap-4 px-4 py-4 sm:grid-cols-3 sm:px-5">
        <CountList
          title="By status"
          counts={summary.byStatus.map((c) => ({ ...c, label: STATUS_LABELS[c.key as ActionStatus] ?? c.key }))}
        />
        <CountList title="By tool" counts={summary.byTool} />
        <CountList title="By reviewer" counts={summary.byReviewer} empty="No person decided any of them." />
      </div>
    </Card>
  );
}

function CountList({ title, counts, empty = 'None.' }: { title: string; counts: Count[]; empty?: string }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-gray-900">{title}</h3>
      {counts.length === 0 ? (
        <p className="mt-1 text-sm text-gray-600">{empty}</p>
      ) : (
        <dl className="mt-1 flex flex-col gap-0.5 text-sm">
          {counts.map((count) => (
            <div key={count.key} className="flex justify-between gap-3">
              <dt className="min-w-0 truncate text-gray-700">{count.label}</dt>
              <dd className="font-medium text-gray-900 tabular-nums">{count.count}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
