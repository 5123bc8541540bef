import { auditEventLabel } from '@/lib/audit/audit-event-format';
import { AuditPayloadSummary } from '@/components/audit-payload-summary';
import { EmptyState } from '@/components/empty-state';
import { UtcTime } from '@/components/relative-time';
import type { AuditEventView } from '@/lib/audit/audit-event-view';

/** The tool's audit trail: created, each edit (the fields that changed, before → after), enabled, disabled. */
export function ToolHistory({ events }: { events: AuditEventView[] }) {
  if (events.length === 0) return <EmptyState title="No recorded changes" />;
  return (
    <ol className="divide-y divide-gray-100">
      {events.map((event) => (
        <li key={event.seq} className="px-4 py-3 text-sm sm:px-5">
          <p className="text-gray-900">
            <span className="font-medium">{auditEventLabel(event.type)}</span>
            <span className="text-gray-600">
              {' '}
              by {event.actorName}, <UtcTime iso={event.at} />
            </span>
          </p>
          {!event.unparsed && event.type === 'tool.updated' ? (
            <FieldChanges before={event.payload.before} after={event.payload.after} />
          ) : null}
          {event.unparsed ? <AuditPayloadSummary event={event} /> : null}
        </li>
      ))}
    </ol>
  );
}

function FieldChanges({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changed = Object.keys(a).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
  if (changed.length === 0) return <p className="mt-1 text-gray-600">No field changed.</p>;
  return (
    <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
      {changed.map((key) => (
        <div key={key} className="contents">
          <dt className="text-gray-600">{key}</dt>
          <dd className="font-mono text-xs break-all text-gray-800">
            {show(b[key])} → {show(a[key])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? '—');
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
