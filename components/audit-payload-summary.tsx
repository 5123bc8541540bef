import { summarizePayload } from '@/lib/audit/audit-event-format';
import { InertText } from '@/components/inert-text';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { ReadAuditPayload } from '@/lib/audit/read-audit-payload';

/**
 * What an event carried, on one line, inert (payloads echo agent-written text). A payload that does not fit its
 * event's schema (an older shape; the sealed log is never rewritten) is shown as recorded and flagged, with what did
 * not fit in the flag's title.
 */
export function AuditPayloadSummary({ event, className }: { event: ReadAuditPayload; className?: string }) {
  const summary = summarizePayload(event);
  if (!summary && !event.unparsed) return null;
  return (
    <p className={cn('mt-0.5 text-xs break-words text-gray-600', className)}>
      {event.unparsed ? (
        <Badge tone="amber" className="mr-1.5" title={event.problem}>
          Unrecognised payload, shown as recorded
        </Badge>
      ) : null}
      <InertText text={summary} className={event.unparsed ? 'font-mono' : undefined} />
    </p>
  );
}
