import type { Constraint, GrantPolicy, RequesterRequirement } from '../policy/grant-policy';

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
};

/** Reads a grant row into the shape the pure decision takes. */
export function toGrantPolicy(grant: GrantRow | null): GrantPolicy | null {
  if (!grant) return null;
  return {
    approvals: grant.approvals,
    constraints: JSON.parse(grant.constraints) as Constraint[],
    rateLimit: grant.rateLimitCount && grant.rateLimitWindowSeconds ? { count: grant.rateLimitCount, windowSeconds: grant.rateLimitWindowSeconds } : null,
    maxCallsPerTrace: grant.maxCallsPerTrace,
    maxPending: grant.maxPending,
    expiresAt: grant.expiresAt?.getTime() ?? null,
    environment: grant.environment as GrantPolicy['environment'],
    requireReason: grant.requireReason,
    requester: grant.requester ? (JSON.parse(grant.requester) as RequesterRequirement) : null,
    loop: grant.loopMaxRepeats && grant.loopWindowSeconds
      ? { maxRepeats: grant.loopMaxRepeats, windowSeconds: grant.loopWindowSeconds, pauseAgent: grant.loopPauseAgent }
      : null,
    ...toReviewSettings(grant),
  };
}

/** The review settings of a grant row, which the gate itself does not need. */
export function toReviewSettings(grant: GrantRow | null): { reviewTimeoutMinutes: number; ownerMayApprove: boolean } {
  return { reviewTimeoutMinutes: grant?.reviewTimeoutMinutes ?? 60, ownerMayApprove: grant?.ownerMayApprove ?? false };
}

/** The inverse: grant rules (validated) → the columns that store them. */
export function toGrantColumns(rules: {
  approvals: number; constraints: Constraint[]; rateLimit: { count: number; windowSeconds: number } | null; maxCallsPerTrace: number | null;
  maxPending: number | null; expiresAt: Date | null; environment: string; requireReason: boolean;
  requester: RequesterRequirement | null; loop: { maxRepeats: number; windowSeconds: number; pauseAgent: boolean } | null;
  reviewTimeoutMinutes: number; ownerMayApprove: boolean;
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
  };
}
