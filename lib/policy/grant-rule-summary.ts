import { formatInstant, formatNumber, formatWindow } from './format';
import type { Constraint, EscalationStep, GrantPolicy } from './grant-policy';

/** Reviewer group id → name; an id missing from it reads as "unknown group" (never as a bare id). */
export type GroupNames = Readonly<Record<string, string>>;

/** A grant's rules as stored, or as an audit payload carries them (dates as epoch ms or ISO text; older payloads lack the review settings). */
export type RulesLike = Omit<GrantPolicy, 'expiresAt' | 'requiredGroups' | 'reviewGroupId' | 'escalationLadder'> & {
  expiresAt: number | string | Date | null;
  requiredGroups?: string[];
  reviewGroupId?: string | null;
  escalationLadder?: EscalationStep[];
};

/**
 * One short phrase per rule that is set, in a fixed order:
 * "2 approvals · one from each of Finance and Security · amount ≤ 500 else review · 10 calls / 1 min · expires 2026-12-31 · test only".
 */
export function describeGrantRules(rules: RulesLike, groupNames: GroupNames = {}): string[] {
  // Required groups force review, one distinct reviewer each (lib/policy/decide-proposal.ts): say the number that holds.
  const approvals = Math.max(rules.approvals, rules.requiredGroups?.length ?? 0);
  const parts = [approvals === 0 ? 'no approval' : `${approvals} approval${approvals === 1 ? '' : 's'}`];
  parts.push(...describeReviewGroups(rules, groupNames));
  for (const constraint of rules.constraints ?? [])
    parts.push(`${describeConstraint(constraint)} else ${constraint.effect}`);
  if (rules.rateLimit) parts.push(`${rules.rateLimit.count} calls / ${formatWindow(rules.rateLimit.windowSeconds)}`);
  if (rules.maxCallsPerTrace !== null && rules.maxCallsPerTrace !== undefined)
    parts.push(`≤ ${rules.maxCallsPerTrace} call${rules.maxCallsPerTrace === 1 ? '' : 's'} per trace`);
  if (rules.maxPending !== null && rules.maxPending !== undefined) parts.push(`≤ ${rules.maxPending} pending`);
  if (rules.expiresAt !== null && rules.expiresAt !== undefined)
    parts.push(`expires ${formatInstant(new Date(rules.expiresAt).getTime())}`);
  if (rules.environment && rules.environment !== 'any') parts.push(`${rules.environment} only`);
  if (rules.requireReason) parts.push('reason required');
  if (rules.requester) parts.push(describeRequester(rules.requester));
  if (rules.loop) {
    parts.push(
      `loop: ${rules.loop.maxRepeats} repeats / ${formatWindow(rules.loop.windowSeconds)}${rules.loop.pauseAgent ? ' pauses agent' : ''}`,
    );
  }
  return parts;
}

export function describeConstraint(c: Constraint): string {
  switch (c.kind) {
    case 'range':
      if (c.min !== undefined && c.max !== undefined)
        return `${formatNumber(c.min)} ≤ ${c.param} ≤ ${formatNumber(c.max)}`;
      return c.max !== undefined ? `${c.param} ≤ ${formatNumber(c.max)}` : `${c.param} ≥ ${formatNumber(c.min ?? 0)}`;
    case 'allowed_values':
      return `${c.param} in ${c.values.map(String).join(', ')}`;
    case 'record_type':
      return `${c.param} record type ${c.values.join(', ')}`;
    case 'pattern':
      return `${c.param} matches ${c.pattern}`;
    case 'email_domain':
      return `${c.param} e-mail in ${c.domains.join(', ')}`;
    case 'url_domain':
      return `${c.param} URL in ${c.domains.join(', ')}`;
  }
}

/** Who reviews: the groups that must each approve, the group asked first, and the escalation ladder. */
function describeReviewGroups(rules: RulesLike, groupNames: GroupNames): string[] {
  const name = (id: string) => groupNames[id] ?? 'unknown group';
  const parts: string[] = [];
  const required = rules.requiredGroups ?? [];
  if (required.length > 0) parts.push(`one from each of ${joinAnd(required.map(name))}`);
  if (rules.reviewGroupId) parts.push(`asks ${name(rules.reviewGroupId)} first`);
  const ladder = rules.escalationLadder ?? [];
  if (ladder.length > 0)
    parts.push(
      `escalates ${ladder.map((step) => `to ${name(step.groupId)} after ${formatWindow(step.afterMinutes * 60)}`).join(', then ')}`,
    );
  return parts;
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function describeRequester(requester: NonNullable<GrantPolicy['requester']>): string {
  const needs = [
    ...requester.roles.map((role) => `role ${role}`),
    ...Object.entries(requester.attributes).map(([claim, value]) => `${claim}=${value}`),
  ];
  return needs.length > 0 ? `verified requester with ${needs.join(', ')}` : 'verified requester';
}

/** The rules of an audit payload, or null when it carries none. */
export function rulesOf(value: unknown): RulesLike | null {
  return value && typeof value === 'object' && 'approvals' in value ? (value as RulesLike) : null;
}
