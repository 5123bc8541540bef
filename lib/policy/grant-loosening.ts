import { formatInstant, formatNumber, formatWindow } from './format';
import type { Constraint, GrantPolicy } from './grant-policy';

/** One way a change lets through more than before, in words ("approvals 2 → 1"). */
export type Loosening = { rule: LooseningRule; words: string };
export type LooseningRule =
  | 'approvals'
  | 'requiredGroups'
  | 'constraints'
  | 'rateLimit'
  | 'maxCallsPerTrace'
  | 'maxPending'
  | 'expiresAt'
  | 'environment'
  | 'requireReason'
  | 'requester'
  | 'loop'
  | 'ownerMayApprove';

/**
 * Does a grant change loosen what the grant blocks or reviews, and how? Pure, total, client-safe: the editor asks
 * before it sends, the server asks again on the version it writes over. Each rule is compared on its own, so a
 * change that tightens one rule and loosens another still loosens.
 * Not counted: the review deadline (a later deadline lets no call through unreviewed; expiry only drops calls nobody
 * decided), the group asked first and the escalation ladder (who is asked, not whether).
 */
export function describeLoosening(before: GrantPolicy, after: GrantPolicy): Loosening[] {
  const found: Loosening[] = [];
  const add = (rule: LooseningRule, words: string) => found.push({ rule, words });

  if (after.approvals < before.approvals)
    add(
      'approvals',
      `approvals required ${before.approvals} → ${after.approvals}${after.approvals === 0 ? ' (no human review)' : ''}`,
    );
  const droppedGroups = before.requiredGroups.filter((id) => !after.requiredGroups.includes(id));
  if (droppedGroups.length > 0)
    add(
      'requiredGroups',
      `${droppedGroups.length === 1 ? 'a required reviewer group is' : `${droppedGroups.length} required reviewer groups are`} no longer required`,
    );

  for (const old of before.constraints) {
    if (!after.constraints.some((next) => atLeastAsStrict(next, old)))
      add('constraints', `condition "${phrase(old)} else ${old.effect}" removed or relaxed`);
  }

  if (
    before.rateLimit &&
    (!after.rateLimit ||
      after.rateLimit.count > before.rateLimit.count ||
      after.rateLimit.windowSeconds < before.rateLimit.windowSeconds)
  ) {
    add('rateLimit', `rate limit ${rate(before.rateLimit)} → ${after.rateLimit ? rate(after.rateLimit) : 'none'}`);
  }
  if (higherOrNone(before.maxCallsPerTrace, after.maxCallsPerTrace))
    add('maxCallsPerTrace', `calls per trace ${limit(before.maxCallsPerTrace)} → ${limit(after.maxCallsPerTrace)}`);
  if (higherOrNone(before.maxPending, after.maxPending))
    add('maxPending', `pending cap ${limit(before.maxPending)} → ${limit(after.maxPending)}`);
  if (before.expiresAt !== null && (after.expiresAt === null || after.expiresAt > before.expiresAt)) {
    add(
      'expiresAt',
      `expiry ${formatInstant(before.expiresAt)} → ${after.expiresAt === null ? 'never' : formatInstant(after.expiresAt)}`,
    );
  }
  if (before.environment !== 'any' && after.environment !== before.environment)
    add(
      'environment',
      `environment ${before.environment} only → ${after.environment === 'any' ? 'any' : `${after.environment} only`}`,
    );
  if (before.requireReason && !after.requireReason) add('requireReason', 'a reason is no longer required');
  if (requesterLoosened(before.requester, after.requester))
    add(
      'requester',
      after.requester
        ? 'the verified requester needs fewer roles or claims'
        : 'a verified requester is no longer required',
    );
  if (loopLoosened(before.loop, after.loop))
    add('loop', after.loop ? 'loop detection relaxed' : 'loop detection removed');
  if (!before.ownerMayApprove && after.ownerMayApprove)
    add('ownerMayApprove', "the agent's owner may now approve its calls");
  return found;
}

/** `next` blocks or reviews at least every call `old` did: same parameter and kind, as strong an effect, no wider. */
export function atLeastAsStrict(next: Constraint, old: Constraint): boolean {
  if (next.param !== old.param || next.kind !== old.kind) return false;
  if (old.effect === 'block' && next.effect !== 'block') return false;
  switch (old.kind) {
    case 'range': {
      const n = next as typeof old;
      return (
        (old.min === undefined || (n.min !== undefined && n.min >= old.min)) &&
        (old.max === undefined || (n.max !== undefined && n.max <= old.max))
      );
    }
    case 'allowed_values':
    case 'record_type':
      return (next as typeof old).values.every((value) => (old.values as unknown[]).includes(value));
    case 'email_domain':
    case 'url_domain':
      return (next as typeof old).domains.every((domain) => old.domains.includes(domain));
    case 'pattern':
      return (next as typeof old).pattern === old.pattern;
  }
}

function higherOrNone(before: number | null, after: number | null): boolean {
  return before !== null && (after === null || after > before);
}

function requesterLoosened(before: GrantPolicy['requester'], after: GrantPolicy['requester']): boolean {
  if (!before) return false;
  if (!after) return true;
  return (
    before.roles.some((role) => !after.roles.includes(role)) ||
    Object.entries(before.attributes).some(([claim, value]) => after.attributes[claim] !== value)
  );
}

function loopLoosened(before: GrantPolicy['loop'], after: GrantPolicy['loop']): boolean {
  if (!before) return false;
  if (!after) return true;
  return (
    after.maxRepeats > before.maxRepeats ||
    after.windowSeconds < before.windowSeconds ||
    (before.pauseAgent && !after.pauseAgent)
  );
}

const limit = (value: number | null) => (value === null ? 'none' : formatNumber(value));
const rate = (r: { count: number; windowSeconds: number }) =>
  `${formatNumber(r.count)} / ${formatWindow(r.windowSeconds)}`;

function phrase(c: Constraint): string {
  switch (c.kind) {
    case 'range':
      if (c.min !== undefined && c.max !== undefined)
        return `${formatNumber(c.min)} ≤ ${c.param} ≤ ${formatNumber(c.max)}`;
      return c.max !== undefined ? `${c.param} ≤ ${formatNumber(c.max)}` : `${c.param} ≥ ${formatNumber(c.min ?? 0)}`;
    case 'allowed_values':
    case 'record_type':
      return `${c.param} in ${c.values.map(String).join(', ')}`;
    case 'pattern':
      return `${c.param} matches ${c.pattern}`;
    case 'email_domain':
    case 'url_domain':
      return `${c.param} domain in ${c.domains.join(', ')}`;
  }
}
