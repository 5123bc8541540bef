import { EmptyState } from '@/components/empty-state';
import { auditEventLabel } from '@/components/audit-event-format';
import { describeGrantRules, rulesOf, type GroupNames } from '@/components/grant-rule-summary';
import { UtcTime } from '@/components/relative-time';
import type { AuditEventView } from '@/lib/audit/audit-event-view';

/** Who created, changed or revoked this grant, when, and its rules before → after (reviewer groups by today's name). Newest first. */
export function GrantHistory({ changes, groupNames }: { changes: AuditEventView[]; groupNames: GroupNames }) {
  if (changes.length === 0) return <EmptyState title="No recorded changes" />;
  return (
    <ol className="divide-y divide-gray-100">
      {changes.map((change) => {
        const before = rulesOf(change.payload.before);
        const after = rulesOf(change.payload.after);
        const version = typeof change.payload.version === 'number' ? ` (version ${change.payload.version})` : '';
        return (
          <li key={change.seq} className="px-4 py-3 text-sm sm:px-5">
            <p className="text-gray-900">
              <span className="font-medium">
                {auditEventLabel(change.type)}
                {version}
              </span>
              <span className="text-gray-600">
                {' '}
                by {change.actorName}, <UtcTime iso={change.at} />
              </span>
            </p>
            <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-gray-800">
              {before ? <Rules term="Before" rules={describeGrantRules(before, groupNames)} /> : null}
              {after ? (
                <Rules
                  term="After"
                  rules={describeGrantRules(after, groupNames)}
                  highlight={before ? describeGrantRules(before, groupNames) : []}
                />
              ) : null}
              {loosenedOf(change.payload) ? <Rules term="Loosens" rules={loosenedOf(change.payload)!} /> : null}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}

/** The rules as one line; with `highlight`, the phrases that were not there before are marked. */
function Rules({ term, rules, highlight }: { term: string; rules: string[]; highlight?: string[] }) {
  return (
    <>
      <dt className="text-gray-600">{term}</dt>
      <dd className="break-words">
        {rules.map((rule, index) => {
          const added = highlight && highlight.length > 0 && !highlight.includes(rule);
          return (
            <span key={rule}>
              {index > 0 ? ' · ' : null}
              {added ? <mark className="rounded bg-amber-100 px-0.5 text-gray-900">{rule}</mark> : rule}
            </span>
          );
        })}
      </dd>
    </>
  );
}

/** What a change loosened (held, or applied by an admin), as recorded. */
function loosenedOf(payload: Record<string, unknown>): string[] | null {
  const loosened = payload.loosened;
  return Array.isArray(loosened) && loosened.length > 0 ? loosened.map(String) : null;
}
