import Link from 'next/link';
import { LocalTime } from '@/components/viewer-zone';
import type { TimelineEvent, TimelineGroup } from '@/lib/incidents/get-incident-timeline';
import { auditEventLabel } from '@/lib/audit/audit-event-format';
import { AuditPayloadSummary } from '../audit-payload-summary';
import { EmptyState } from '../empty-state';
import { StatusBadge } from '../status-badge';
import { Badge } from '../ui/badge';
import { TableLink } from '../ui/table';

/** Each trace (or change of no action) as one block: its actions linked, then its events in order. */
export function TimelineGroups({ groups, filtered }: { groups: TimelineGroup[]; filtered: boolean }) {
  if (groups.length === 0) {
    return (
      <EmptyState
        title={filtered ? 'Nothing matches these filters' : 'Nothing happened in the window'}
        description={
          filtered
            ? 'Clear a filter to see more.'
            : "No event of the incident's agents (or switch) falls inside its window yet."
        }
      />
    );
  }
  return (
    <ol className="divide-y divide-gray-200">
      {groups.map((group) => (
        <li
          key={group.key}
          className="px-4 py-3 sm:px-5"
          aria-label={group.traceId ? `Trace ${group.traceId}` : auditEventLabel(group.events[0].type)}
        >
          {group.traceId ? (
            <div className="mb-2">
              <p className="text-xs text-gray-600">
                Trace <span className="font-mono break-all">{group.traceId}</span>
              </p>
              <ul className="mt-1 flex flex-col gap-1">
                {group.actions.map((action) => (
                  <li key={action.id} className="flex flex-wrap items-center gap-2 text-sm">
                    <TableLink href={`/actions/${action.id}`}>{action.summary ?? action.tool}</TableLink>
                    <span className="text-xs text-gray-600">
                      {action.summary ? `${action.tool} · ` : null}
                      <span className="font-mono">{action.id.slice(-12)}</span>
                    </span>
                    {action.status ? <StatusBadge status={action.status} /> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <ol className="flex flex-col gap-1.5 border-l-2 border-gray-200 pl-3">
            {group.events.map((event) => (
              <TimelineEventRow key={event.seq} event={event} />
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}

function TimelineEventRow({ event }: { event: TimelineEvent }) {
  const label = auditEventLabel(event.type);
  return (
    <li className="text-sm">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <span className="text-xs text-gray-600 tabular-nums">
          <LocalTime iso={event.at} />
        </span>
        {event.actionId ? (
          <Link
            href={`/actions/${event.actionId}`}
            className="font-medium text-gray-900 hover:text-indigo-800 hover:underline"
            aria-label={`${label}, action ${event.actionId.slice(-12)}`}
          >
            {label}
          </Link>
        ) : (
          <span className="font-medium text-gray-900">{label}</span>
        )}
        {event.agentName && !event.actionId ? <span className="text-gray-700">· {event.agentName}</span> : null}
        <span className="text-gray-700">by {event.actorName}</span>
        {event.decidedAfterMs !== null ? <Badge tone="blue">after {formatDuration(event.decidedAfterMs)}</Badge> : null}
      </div>
      <AuditPayloadSummary event={event} className="mt-0 text-gray-700" />
    </li>
  );
}

/** "45 s", "3 min 20 s", "2 h 5 min". */
function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}
