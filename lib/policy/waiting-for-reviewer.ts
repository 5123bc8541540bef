import { planApproval, type QuorumState } from './review-quorum';

/**
 * "Waiting for me": may this reviewer approve this pending action now? Pure, so the queue's filter and its table
 * tests share one rule. It mirrors what the decision itself enforces (lib/actions/record-review-decision.ts: quorum,
 * separation of duties with admin override) and adds the routing rule of the queue: an action assigned to a reviewer
 * group waits for that group's members (and admins), not for everybody.
 */
export type ReviewerFacts = {
  id: string;
  email: string;
  /** Holds actions.decide; a viewer or an owner never has anything waiting. */
  canDecide: boolean;
  isAdmin: boolean;
  /** Ids of the reviewer groups this person is a member of. */
  groupIds: readonly string[];
};

export type PendingActionFacts = QuorumState & {
  requester: string | null;
  agentOwnerId: string;
  /** The grant lets the agent's owner approve its actions. */
  ownerMayApprove: boolean;
  /** The reviewer group currently asked to decide; null = every reviewer. */
  assignedGroupId: string | null;
};

export type Waiting =
  | {
      waiting: true;
      /** Only an admin override could approve it (separation of duties); the audit event says so. */ override: boolean;
    }
  | {
      waiting: false;
      reason: 'cannot_decide' | 'already_approved' | 'separation_of_duties' | 'needs_group' | 'assigned_elsewhere';
    };

/** Why separation of duties forbids this reviewer to approve (empty: it does not). */
export function separationOfDutiesConflicts(
  reviewer: Pick<ReviewerFacts, 'id' | 'email'>,
  action: Pick<PendingActionFacts, 'requester' | 'agentOwnerId' | 'ownerMayApprove'>,
): string[] {
  const conflicts: string[] = [];
  if (action.requester?.trim().toLowerCase() === reviewer.email.toLowerCase())
    conflicts.push('requested on your own behalf');
  if (action.agentOwnerId === reviewer.id && !action.ownerMayApprove) conflicts.push('proposed by an agent you own');
  return conflicts;
}

export function waitingForReviewer(reviewer: ReviewerFacts, action: PendingActionFacts): Waiting {
  if (!reviewer.canDecide) return { waiting: false, reason: 'cannot_decide' };
  const plan = planApproval(action, reviewer.id, reviewer.groupIds);
  if (!plan.ok) return { waiting: false, reason: plan.reason };
  // The assigned group routes the question; a member of a required group still missing is asked regardless.
  if (
    action.assignedGroupId &&
    plan.groupId === null &&
    !reviewer.isAdmin &&
    !reviewer.groupIds.includes(action.assignedGroupId)
  ) {
    return { waiting: false, reason: 'assigned_elsewhere' };
  }
  const conflicts = separationOfDutiesConflicts(reviewer, action);
  if (conflicts.length > 0 && !reviewer.isAdmin) return { waiting: false, reason: 'separation_of_duties' };
  return { waiting: true, override: conflicts.length > 0 };
}
