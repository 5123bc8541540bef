/**
 * What a grant says, in the shape the pure decision reads. Client-safe types only; the zod schema that
 * validates owners' input lives in lib/grants/schemas.ts and produces exactly this.
 */
export type ConstraintEffect = 'block' | 'review';

/** A rule on one parameter (dotted path into params). Arrays are checked element by element. */
export type Constraint = { param: string; effect: ConstraintEffect } & (
  | { kind: 'allowed_values'; values: (string | number | boolean)[] }
  | { kind: 'record_type'; values: string[] }
  | { kind: 'pattern'; pattern: string }
  | { kind: 'range'; min?: number; max?: number }
  | { kind: 'email_domain'; domains: string[] }
  | { kind: 'url_domain'; domains: string[] }
);

export type RequesterRequirement = {
  /** Roles the verified requester must all hold. */
  roles: string[];
  /** Claims the verified requester must carry with exactly these values. */
  attributes: Record<string, string>;
};

export type GrantPolicy = {
  /** 0 = no approval; N ≥ 1 = N distinct reviewers must approve. */
  approvals: number;
  constraints: Constraint[];
  rateLimit: { count: number; windowSeconds: number } | null;
  maxCallsPerTrace: number | null;
  maxPending: number | null;
  /** Epoch milliseconds; at and after it the grant blocks. */
  expiresAt: number | null;
  environment: 'any' | 'test' | 'production';
  requireReason: boolean;
  /** null: no requester needed; otherwise a verified requester with these roles/attributes is. */
  requester: RequesterRequirement | null;
  loop: { maxRepeats: number; windowSeconds: number; pauseAgent: boolean } | null;
  /** Review settings: the deadline of a pending review, and whether the agent's owner may approve. */
  reviewTimeoutMinutes: number;
  ownerMayApprove: boolean;
  /** Reviewer group ids that must each give one approval (review is then required). */
  requiredGroups: string[];
  /** The group asked first; null = every reviewer. */
  reviewGroupId: string | null;
  /** Undecided `afterMinutes` after the proposal → hand the action to `groupId` (ascending afterMinutes). */
  escalationLadder: EscalationStep[];
};

export type EscalationStep = { afterMinutes: number; groupId: string };

export const OPEN_GRANT_POLICY: GrantPolicy = {
  approvals: 0,
  constraints: [],
  rateLimit: null,
  maxCallsPerTrace: null,
  maxPending: null,
  expiresAt: null,
  environment: 'any',
  requireReason: false,
  requester: null,
  loop: null,
  reviewTimeoutMinutes: 60,
  ownerMayApprove: false,
  requiredGroups: [],
  reviewGroupId: null,
  escalationLadder: [],
};
