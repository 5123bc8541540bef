import type { Constraint, EscalationStep, GrantPolicy, RequesterRequirement } from '../policy/grant-policy';

export type GrantRow = {
  approvals: number;
  constraints: string;
  rateLimitCount: number | null;
  rateLimitWindowSeconds: number | null;
  maxCallsPerTrace: number | null;
  maxPending: number | null;
  expiresAt: Date | null;
  environment: string;
  requireReason: boolean;
  requester: string | null;
  loopMaxRepeats: number | null;
  loopWindowSeconds: number | null;
  loopPauseAgent: boolean;
  reviewTimeoutMinutes?: number;
  ownerMayApprove?: boolean;
  requiredGroups?: string;
  reviewGroupId?: string | null;
  escalationLadder?: string;
};

/** Reads a grant row into the shape the pure decision takes. */
export function toGrantPolicy(grant: GrantRow | null): GrantPolicy | null {
  if (!grant) return null;
  return {
    approvals: grant.approvals,
    constraints: JSON.parse(grant.constraints) as Constraint[],
    rateLimit:
      grant.rateLimitCount && grant.rateLimitWindowSeconds
        ? { count: grant.rateLimitCount, windowSeconds: grant.rateLimitWindowSeconds }
        : null,
    maxCallsPerTrace: grant.maxCallsPerTrace,
    maxPending: grant.maxPending,
    expiresAt: grant.expiresAt?.getTime() ?? null,
    environment: grant.environment as GrantPolicy['environment'],
    requireReason: grant.requireReason,
    requester: grant.requester ? (JSON.parse(grant.requester) as RequesterRequirement) : null,
    loop:
      grant.loopMaxRepeats && grant.loopWindowSeconds
        ? { maxRepeats: grant.loopMaxRepeats, windowSeconds: grant.loopWindowSeconds, pauseAgent: grant.loopPauseAgent }
        : null,
    ...toReviewSettings(grant),
  };
}

/** The review settings of a grant row (groups, deadline, ladder, owners); of these the gate reads only the groups. */
export function toReviewSettings(
  grant: GrantRow | null,
): Pick<
  GrantPolicy,
  'reviewTimeoutMinutes' | 'ownerMayApprove' | 'requiredGroups' | 'reviewGroupId' | 'escalationLadder'
> {
  return {
    reviewTimeoutMinutes: grant?.reviewTimeoutMinutes ?? 60,
    ownerMayApprove: grant?.ownerMayApprove ?? false,
    requiredGroups: JSON.parse(grant?.requiredGroups ?? '[]') as string[],
    reviewGroupId: grant?.reviewGroupId ?? null,
    escalationLadder: JSON.parse(grant?.escalationLadder ?? '[]') as EscalationStep[],
  };
}

/** Validated rules (dates as dates) → the shape the pure decision and the loosening check read. */
export function rulesToPolicy<T extends { expiresAt: Date | null }>(
  rules: T,
): Omit<T, 'expiresAt'> & { expiresAt: number | null } {
  return { ...rules, expiresAt: rules.expiresAt?.getTime() ?? null };
}

/** The inverse: grant rules (validated) → the columns that store them. */
export function toGrantColumns(rules: {
  approvals: number;
  constraints: Constraint[];
  rateLimit: { count: number; windowSeconds: number } | null;
  maxCallsPerTrace: number | null;
  maxPending: number | null;
  expiresAt: Date | null;
  environment: string;
  requireReason: boolean;
  requester: RequesterRequirement | null;
  loop: { maxRepeats: number; windowSeconds: number; pauseAgent: boolean } | null;
  reviewTimeoutMinutes: number;
  ownerMayApprove: boolean;
  requiredGroups: string[];
  reviewGroupId: string | null;
  escalationLadder: EscalationStep[];
}) {
  return {
    approvals: rules.approvals,
    constraints: JSON.stringify(rules.constraints),
    rateLimitCount: rules.rateLimit?.count ?? null,
    rateLimitWindowSeconds: rules.rateLimit?.windowSeconds ?? null,
    maxCallsPerTrace: rules.maxCallsPerTrace,
    maxPending: rules.maxPending,
    expiresAt: rules.expiresAt,
    environment: rules.environment,
    requireReason: rules.requireReason,
    requester: rules.requester ? JSON.stringify(rules.requester) : null,
    loopMaxRepeats: rules.loop?.maxRepeats ?? null,
    loopWindowSeconds: rules.loop?.windowSeconds ?? null,
    loopPauseAgent: rules.loop?.pauseAgent ?? false,
    reviewTimeoutMinutes: rules.reviewTimeoutMinutes,
    ownerMayApprove: rules.ownerMayApprove,
    requiredGroups: JSON.stringify(rules.requiredGroups),
    reviewGroupId: rules.reviewGroupId,
    escalationLadder: JSON.stringify(rules.escalationLadder),
  };
}
