import { auditEventLabel, summarizePayload } from '@/components/audit-event-format';
import { InertText } from '@/components/inert-text';
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
        {events.map((event) => {
          const summary = summarizePayload(event.payload);
          return (
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
                {/* Payloads echo the agent's own text (requester, trace id): hidden characters shown here too. */}
                {summary ? (
                  <p className="mt-0.5 text-xs break-words text-gray-600">
                    <InertText text={summary} />
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
