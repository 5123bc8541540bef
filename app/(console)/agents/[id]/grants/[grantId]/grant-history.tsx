import { EmptyState } from '@/components/empty-state';
import { auditEventLabel } from '@/lib/audit/audit-event-format';
import { describeGrantRules, rulesOf, type GroupNames } from '@/lib/policy/grant-rule-summary';
import { UtcTime } from '@/components/relative-time';
import { AuditPayloadSummary } from '@/components/audit-payload-summary';
import type { AuditEventView } from '@/lib/audit/audit-event-view';

/** Who created, changed or revoked this grant, when, and its rules before → after (reviewer groups by today's name). Newest first. */
export function GrantHistory({ changes, groupNames }: { changes: AuditEventView[]; groupNames: GroupNames }) {
  if (changes.length === 0) return <EmptyState title="No recorded changes" />;
  return (
    <ol className="divide-y divide-gray-100">
      {changes.map((change) => {
        const { before: rawBefore, after: rawAfter, version: number, loosened } = grantChangeOf(change);
        const before = rulesOf(rawBefore);
        const after = rulesOf(rawAfter);
        const version = number === null ? '' : ` (version ${number})`;
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
              {loosened.length > 0 ? <Rules term="Loosens" rules={loosened} /> : null}
            </dl>
            {change.unparsed ? <AuditPayloadSummary event={change} /> : null}
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

/** The rules before/after, the version and what it loosened, as the grant event recorded them (none if unparsed). */
function grantChangeOf(change: AuditEventView): {
  before: unknown;
  after: unknown;
  version: number | null;
  loosened: string[];
} {
  const none = { before: undefined, after: undefined, version: null, loosened: [] };
  if (change.unparsed) return none;
  switch (change.type) {
    case 'grant.created':
      return { ...none, after: change.payload.after, version: change.payload.version };
    case 'grant.updated':
      return { ...change.payload, loosened: change.payload.loosened ?? [] };
    case 'grant.change_held':
      return { ...none, before: change.payload.before, after: change.payload.after, loosened: change.payload.loosened };
    case 'grant.revoked':
      return { ...none, before: change.payload.before };
    case 'grant.change_approved':
    case 'grant.change_stale':
      return { ...none, version: change.payload.version };
    default:
      return none;
  }
}
