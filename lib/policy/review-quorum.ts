/**
 * Quorum of a pending action: `required` distinct reviewers must approve, and among them one member of each
 * required reviewer group (finance AND security). Pure, so the rule is table-tested and shared by the decision,
 * the queue's "waiting for me" and the review card's progress.
 */
export type QuorumState = {
  /** Approvals needed in all (at least the number of required groups). */
  required: number;
  /** Reviewer group ids that must each be covered by one approval, in the grant's order. */
  requiredGroups: readonly string[];
  /** Approvals given so far, with the group each one counts for (null: it counts only towards the number). */
  approvals: readonly { reviewerId: string; groupId: string | null }[];
};

export type ApprovalPlan =
  | { ok: true; groupId: string | null; complete: boolean; approvals: number }
  | { ok: false; reason: 'already_approved' | 'needs_group'; missingGroups: string[] };

/** The groups still without an approval, in the grant's order. */
export function missingGroups(state: QuorumState): string[] {
  const covered = new Set(state.approvals.map((a) => a.groupId));
  return state.requiredGroups.filter((g) => !covered.has(g));
}

/**
 * What one more approval by `reviewerId` (a member of `reviewerGroups`) would do. The approval covers the first
 * missing group the reviewer belongs to; a reviewer outside every missing group may approve only while enough
 * approvals remain for the groups still missing, so the number can never be reached without them.
 */
export function planApproval(state: QuorumState, reviewerId: string, reviewerGroups: readonly string[]): ApprovalPlan {
  const missing = missingGroups(state);
  if (state.approvals.some((a) => a.reviewerId === reviewerId)) return { ok: false, reason: 'already_approved', missingGroups: missing };
  const mine = new Set(reviewerGroups);
  const groupId = missing.find((g) => mine.has(g)) ?? null;
  const approvals = state.approvals.length + 1;
  const required = Math.max(state.required, state.requiredGroups.length, 1);
  const stillMissing = missing.length - (groupId ? 1 : 0);
  if (required - approvals < stillMissing) return { ok: false, reason: 'needs_group', missingGroups: missing };
  return { ok: true, groupId, complete: approvals >= required && stillMissing === 0, approvals };
}

/** Progress for the review card: "1 of 2", and which groups have approved. */
export function quorumProgress(state: QuorumState): { approvals: number; required: number; groups: { groupId: string; approved: boolean }[] } {
  const covered = new Set(state.approvals.map((a) => a.groupId));
  return {
    approvals: state.approvals.length,
    required: Math.max(state.required, state.requiredGroups.length, 1),
    groups: state.requiredGroups.map((groupId) => ({ groupId, approved: covered.has(groupId) })),
  };
}
