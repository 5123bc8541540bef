'use client';

import { LocalTime } from '@/components/viewer-zone';
import type { IncidentReplay } from '@/lib/incidents/replay-incident';
import { OutcomeBadge } from '@/components/outcome-badge';
import { StatusBadge } from '@/components/status-badge';
import { Badge } from '@/components/ui/badge';

/** Which of the window's proposals would have gone otherwise, and whether the edited grant would have stopped them. */
export function ReplayReport({ replay }: { replay: IncidentReplay }) {
  return (
    <div role="status" className="rounded-md border border-gray-200 bg-gray-50 p-3 text-sm text-gray-900">
      <p className="font-medium">
        {`${replay.changes.length} of ${replay.total} proposals in the window would change`}
        {replay.stopped > 0 ? ` · ${replay.stopped} would have been stopped` : ''}
      </p>
      <p className="text-xs text-gray-600">
        {replay.grant.tool} for {replay.grant.agentName}, replayed under the edited rules (switches, pauses and the tool
        taken as open).
        {replay.truncated ? ' Only the first 5,000 proposals were replayed.' : ''}
      </p>
      {replay.changes.length > 0 ? (
        <ul className="mt-3 flex flex-col gap-2">
          {replay.changes.map((change) => (
            <li key={change.actionId} className="rounded-md border border-gray-200 bg-white p-2">
              <div className="flex flex-wrap items-center gap-2">
                <a href={`/actions/${change.actionId}`} className="font-mono text-xs text-indigo-700 hover:underline">
                  {change.actionId.slice(-12)}
                </a>
                <span className="text-xs text-gray-600">
                  <LocalTime iso={change.createdAt} />
                </span>
                <OutcomeBadge outcome={change.before} />
                <span aria-label="would become">→</span>
                <OutcomeBadge outcome={change.after} />
                <span className="text-xs text-gray-700">now</span>
                <StatusBadge status={change.status} />
                {change.stopped ? (
                  <Badge tone={change.executed ? 'red' : 'amber'}>
                    {change.executed ? 'Would have been stopped before it ran' : 'Would have been stopped'}
                  </Badge>
                ) : null}
              </div>
              <code className="mt-1 block font-mono text-xs break-all text-gray-700">
                {JSON.stringify(change.params)}
              </code>
              <ul className="mt-1 list-disc pl-5 text-xs text-gray-700">
                {change.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
