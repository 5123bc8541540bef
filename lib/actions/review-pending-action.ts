import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { holdSwitchesSteady } from '../kill-switches/global-stop';
import { recordTimeToDecision } from '../metrics/record-time-to-decision';
import { notifyActionChanged } from '../realtime/action-changes';
import { decisionSchema, type DecisionInput } from './schemas';
import { expireIfOverdue } from './expire-action';
import { recordingFrozenRefusal } from './record-frozen-refusal';
import {
  alreadyDecided,
  recordReviewDecision,
  type DecisionOutcome,
  type ReviewDecision,
} from './record-review-decision';
import { prismaRunner } from '../db/sql-runner';

export type { ReviewDecision } from './record-review-decision';

/**
 * A person's decision on a pending action: approve (counted towards the quorum) or reject (decides at once).
 * A compare-and-set with its audit event: of two reviewers clicking at once, exactly one decides; the other is told
 * who decided first and when. An overdue action expires instead of being decided.
 */
export async function reviewPendingAction(
  actor: Actor,
  input: DecisionInput,
  decision: ReviewDecision,
): Promise<DecisionOutcome> {
  assertCan(actor, 'actions.decide');
  if (actor.type !== 'user') throw new WardenError('forbidden', 'Only a signed-in reviewer can decide actions.');
  const { actionId, comment } = decisionSchema.parse(input);

  let proposedAt: Date | null = null;
  const result = await recordingFrozenRefusal(actor, actionId, () =>
    db().$transaction(async (tx) => {
      // The switches' share lock before any action row: a release (which moves frozen deadlines) takes the switch
      // lock first too, so the two never wait on each other in opposite orders (PostgreSQL).
      await holdSwitchesSteady(prismaRunner(tx));
      const action = await tx.action.findUnique({
        where: { id: actionId },
        select: { id: true, agentId: true, status: true, expiresAt: true, createdAt: true },
      });
      if (!action) throw new WardenError('not_found', 'No such action.');
      proposedAt = action.createdAt;
      if (await expireIfOverdue(tx, action)) return { status: 'expired', approvals: 0, required: 0, missingGroups: [] };
      if (action.status !== 'pending_review') throw await alreadyDecided(tx, actionId);
      return recordReviewDecision(tx, actor, actionId, decision, comment || null);
    }),
  );
  notifyActionChanged(actionId);
  if (proposedAt) recordTimeToDecision(result.status, proposedAt); // committed: approved or rejected counts now
  if (result.status === 'expired')
    throw new WardenError('conflict', 'This action expired before it was decided: its review deadline has passed.', {
      status: 'expired',
    });
  return result;
}
