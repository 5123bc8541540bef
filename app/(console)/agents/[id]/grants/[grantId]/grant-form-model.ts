import type { GrantRulesInput } from '@/lib/grants/schemas';
import type { Constraint, GrantPolicy } from '@/lib/policy/grant-policy';

/** The grant editor's fields as the person types them (text), and the conversions to and from the grant's rules. */
export const CONSTRAINT_KINDS = {
  range: 'Number range',
  allowed_values: 'Allowed values',
  pattern: 'Text pattern',
  email_domain: 'E-mail domain',
  url_domain: 'URL domain',
  record_type: 'Record type',
} as const;
export type ConstraintKind = keyof typeof CONSTRAINT_KINDS;

export type ConstraintDraft = {
  key: string;
  kind: ConstraintKind;
  param: string;
  effect: 'block' | 'review';
  values: string;
  pattern: string;
  min: string;
  max: string;
  domains: string;
};

export const WINDOW_UNITS = { 1: 'seconds', 60: 'minutes', 3600: 'hours', 86400: 'days' } as const;
export type Duration = { amount: string; unit: string };

export type GrantFormState = {
  approvals: string;
  constraints: ConstraintDraft[];
  rateLimit: { count: string } & Duration;
  maxCallsPerTrace: string;
  maxPending: string;
  expiresAt: string;
  environment: 'any' | 'test' | 'production';
  requireReason: boolean;
  reviewTimeoutMinutes: string;
  ownerMayApprove: boolean;
  requester: { required: boolean; roles: string; attributes: string };
  loop: { enabled: boolean; maxRepeats: string; pauseAgent: boolean } & Duration;
  /** Reviewer group ids that must each approve, in the order they were ticked. */
  requiredGroups: string[];
  /** The group asked first; '' = every reviewer. */
  reviewGroupId: string;
  escalationLadder: EscalationDraft[];
};

export type EscalationDraft = { key: string; afterMinutes: string; groupId: string };

let nextKey = 0;
export function newConstraint(kind: ConstraintKind = 'range'): ConstraintDraft {
  nextKey += 1;
  return {
    key: `c${nextKey}`,
    kind,
    param: '',
    effect: 'review',
    values: '',
    pattern: '',
    min: '',
    max: '',
    domains: '',
  };
}

export function newEscalationStep(afterMinutes = '', groupId = ''): EscalationDraft {
  nextKey += 1;
  return { key: `e${nextKey}`, afterMinutes, groupId };
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

function toDuration(seconds: number | undefined): Duration {
  if (!seconds) return { amount: '', unit: '60' };
  const unit = [86400, 3600, 60, 1].find((size) => seconds % size === 0)!;
  return { amount: String(seconds / unit), unit: String(unit) };
}

function toConstraintDraft(c: Constraint): ConstraintDraft {
  const draft = { ...newConstraint(c.kind), param: c.param, effect: c.effect };
  if (c.kind === 'range') return { ...draft, min: text(c.min), max: text(c.max) };
  if (c.kind === 'pattern') return { ...draft, pattern: c.pattern };
  if (c.kind === 'email_domain' || c.kind === 'url_domain') return { ...draft, domains: c.domains.join(', ') };
  return {
    ...draft,
    values: c.values
      .map((v) => (typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? JSON.stringify(v) : String(v)))
      .join(', '),
  };
}

export function toFormState(rules: GrantPolicy): GrantFormState {
  return {
    approvals: String(rules.approvals),
    constraints: rules.constraints.map(toConstraintDraft),
    rateLimit: { count: text(rules.rateLimit?.count), ...toDuration(rules.rateLimit?.windowSeconds) },
    maxCallsPerTrace: text(rules.maxCallsPerTrace),
    maxPending: text(rules.maxPending),
    expiresAt: rules.expiresAt === null ? '' : new Date(rules.expiresAt).toISOString().slice(0, 16),
    environment: rules.environment,
    requireReason: rules.requireReason,
    reviewTimeoutMinutes: String(rules.reviewTimeoutMinutes),
    ownerMayApprove: rules.ownerMayApprove,
    requester: {
      required: rules.requester !== null,
      roles: rules.requester?.roles.join(', ') ?? '',
      attributes: Object.entries(rules.requester?.attributes ?? {})
        .map(([claim, value]) => `${claim}=${value}`)
        .join('\n'),
    },
    loop: {
      enabled: rules.loop !== null,
      maxRepeats: text(rules.loop?.maxRepeats),
      pauseAgent: rules.loop?.pauseAgent ?? false,
      ...toDuration(rules.loop?.windowSeconds),
    },
    requiredGroups: [...rules.requiredGroups],
    reviewGroupId: rules.reviewGroupId ?? '',
    escalationLadder: rules.escalationLadder.map((step) => newEscalationStep(String(step.afterMinutes), step.groupId)),
  };
}

/** Empty text is "not set"; anything else goes to the schema as typed, so its messages name the problem. */
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));
const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const seconds = (duration: Duration) => Number(duration.amount) * Number(duration.unit);

/** "500" and "true" are matched as a number and a boolean; quote them ("500") to match text. */
function parseValue(item: string): string | number | boolean {
  try {
    const value: unknown = JSON.parse(item);
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  } catch {
    // plain text
  }
  return item;
}

function toConstraint(d: ConstraintDraft): Record<string, unknown> {
  const base = { kind: d.kind, param: d.param, effect: d.effect };
  switch (d.kind) {
    case 'range':
      return {
        ...base,
        ...(d.min.trim() ? { min: Number(d.min) } : {}),
        ...(d.max.trim() ? { max: Number(d.max) } : {}),
      };
    case 'pattern':
      return { ...base, pattern: d.pattern };
    case 'email_domain':
    case 'url_domain':
      return { ...base, domains: list(d.domains) };
    case 'record_type':
      return { ...base, values: list(d.values) };
    case 'allowed_values':
      return { ...base, values: list(d.values).map(parseValue) };
  }
}

export function toRulesInput(s: GrantFormState): GrantRulesInput {
  const attributes = Object.fromEntries(
    s.requester.attributes
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );
  return {
    approvals: Number(s.approvals),
    constraints: s.constraints.map(toConstraint) as GrantRulesInput['constraints'],
    rateLimit:
      s.rateLimit.count.trim() === ''
        ? null
        : { count: Number(s.rateLimit.count), windowSeconds: seconds(s.rateLimit) },
    maxCallsPerTrace: numberOrNull(s.maxCallsPerTrace),
    maxPending: numberOrNull(s.maxPending),
    expiresAt: s.expiresAt ? `${s.expiresAt.length === 16 ? `${s.expiresAt}:00` : s.expiresAt}Z` : null,
    environment: s.environment,
    requireReason: s.requireReason,
    reviewTimeoutMinutes: Number(s.reviewTimeoutMinutes),
    ownerMayApprove: s.ownerMayApprove,
    requester: s.requester.required ? { roles: list(s.requester.roles), attributes } : null,
    loop: s.loop.enabled
      ? { maxRepeats: Number(s.loop.maxRepeats), windowSeconds: seconds(s.loop), pauseAgent: s.loop.pauseAgent }
      : null,
    requiredGroups: s.requiredGroups,
    reviewGroupId: s.reviewGroupId || null,
    escalationLadder: s.escalationLadder.map((step) => ({
      afterMinutes: Number(step.afterMinutes),
      groupId: step.groupId,
    })),
  };
}
