import { auditEventLabel } from '@/lib/audit/audit-event-format';
import { AuditPayloadSummary } from '@/components/audit-payload-summary';
import { UtcTime } from '@/components/relative-time';
import { Card, CardHeader } from '@/components/ui/card';
import type { AuditEventView } from '@/lib/audit/audit-event-view';

/** Everything that happened to this action, oldest first, as the audit log recorded it. */
export function AuditTrail({ events, className }: { events: AuditEventView[]; className?: string }) {
  return (
    <Card aria-labelledby="audit-trail" className={className}>
      <CardHeader
        id="audit-trail"
        title="Audit trail"
        description="Every recorded event for this action, oldest first."
      />
      <ol className="divide-y divide-gray-100">
        {events.map((event) => (
          <li
            key={event.seq}
            className="grid gap-1 px-4 py-3 text-sm sm:grid-cols-[4rem_12rem_minmax(0,1fr)] sm:gap-3 sm:px-5"
          >
            <span className="font-mono text-xs text-gray-500 tabular-nums">#{event.seq}</span>
            <span className="text-xs text-gray-600">
              <UtcTime iso={event.at} />
            </span>
            <div className="min-w-0">
              <p className="text-gray-900">
                <span className="font-medium">{auditEventLabel(event.type)}</span>
                <span className="text-gray-600"> · {event.actorName}</span>
              </p>
              <AuditPayloadSummary event={event} />
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
