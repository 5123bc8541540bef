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
  /**
   * Approvals given so far, with the group each one counts for (null: it counts only towards the number) and,
   * when known, every required group the approver belongs to — then the groups are re-matched as approvals arrive.
   */
  approvals: readonly { reviewerId: string; groupId: string | null; groups?: readonly string[] }[];
};

export type ApprovalPlan =
  | {
      ok: true;
      groupId: string | null;
      complete: boolean;
      approvals: number;
      assignments: { reviewerId: string; groupId: string | null }[];
    }
  | { ok: false; reason: 'already_approved' | 'needs_group'; missingGroups: string[] };

/** The groups still without an approval, in the grant's order. */
export function missingGroups(state: QuorumState): string[] {
  const covered = new Set(state.approvals.map((a) => a.groupId));
  return state.requiredGroups.filter((g) => !covered.has(g));
}

/**
 * What one more approval by `reviewerId` (a member of `reviewerGroups`) would do. Approvers are matched to the
 * required groups (each approver covers at most one group, each group needs one approver) with a maximum
 * matching, so a member of both finance and security who approved first never blocks a finance-only colleague:
 * the matching moves them to security. A reviewer who adds no group may approve only while enough approvals remain
 * for the groups still missing, so the number can never be reached without them.
 */
export function planApproval(state: QuorumState, reviewerId: string, reviewerGroups: readonly string[]): ApprovalPlan {
  if (state.approvals.some((a) => a.reviewerId === reviewerId))
    return { ok: false, reason: 'already_approved', missingGroups: missingGroups(state) };
  const approvers = [
    ...state.approvals.map((a) => ({
      reviewerId: a.reviewerId,
      groups: a.groups ?? (a.groupId ? [a.groupId] : []),
      current: a.groupId,
    })),
    { reviewerId, groups: reviewerGroups, current: null },
  ];
  const uncovered = (assignment: (string | null)[]) => {
    const covered = new Set(assignment.filter((g) => g !== null));
    return state.requiredGroups.filter((g) => !covered.has(g));
  };
  const missingBefore = uncovered(matchGroups(state.requiredGroups, approvers.slice(0, -1)));
  const assignment = matchGroups(state.requiredGroups, approvers);
  const stillMissing = uncovered(assignment);
  const approvals = approvers.length;
  const required = Math.max(state.required, state.requiredGroups.length, 1);
  // An approval that covers a missing group is always taken, even past the number: an earlier approver may have
  // left their group since, and the action must not be stuck waiting for a group nobody is allowed to cover.
  const coversAGroup = stillMissing.length < missingBefore.length;
  if (!coversAGroup && required - approvals < stillMissing.length)
    return { ok: false, reason: 'needs_group', missingGroups: missingBefore };
  return {
    ok: true,
    groupId: assignment[approvals - 1] ?? null,
    complete: approvals >= required && stillMissing.length === 0,
    approvals,
    assignments: approvers.map((a, i) => ({ reviewerId: a.reviewerId, groupId: assignment[i] ?? null })),
  };
}

/**
 * Maximum bipartite matching of approvers to required groups (augmenting paths; both sides are a handful).
 * Approvers keep their current group when a maximum matching allows it, so earlier approvals move only when needed.
 */
function matchGroups(
  requiredGroups: readonly string[],
  approvers: readonly { groups: readonly string[]; current: string | null }[],
): (string | null)[] {
  const required = new Set(requiredGroups);
  const owner = new Map<string, number>();
  const tryAssign = (i: number, seen: Set<string>): boolean => {
    const approver = approvers[i];
    if (!approver) return false;
    const preferred = approver.current;
    const candidates = requiredGroups.filter((g) => approver.groups.includes(g));
    const ordered =
      preferred && required.has(preferred) && candidates.includes(preferred)
        ? [preferred, ...candidates.filter((g) => g !== preferred)]
        : candidates;
    for (const group of ordered) {
      if (seen.has(group)) continue;
      seen.add(group);
      const holder = owner.get(group);
      if (holder === undefined || tryAssign(holder, seen)) {
        owner.set(group, i);
        return true;
      }
    }
    return false;
  };
  approvers.forEach((_, i) => tryAssign(i, new Set()));
  const assignment: (string | null)[] = approvers.map(() => null);
  for (const [group, i] of owner) assignment[i] = group;
  return assignment;
}

/** Progress for the review card: "1 of 2", and which groups have approved. */
export function quorumProgress(state: QuorumState): {
  approvals: number;
  required: number;
  groups: { groupId: string; approved: boolean }[];
} {
  const covered = new Set(state.approvals.map((a) => a.groupId));
  return {
    approvals: state.approvals.length,
    required: Math.max(state.required, state.requiredGroups.length, 1),
    groups: state.requiredGroups.map((groupId) => ({ groupId, approved: covered.has(groupId) })),
  };
}
