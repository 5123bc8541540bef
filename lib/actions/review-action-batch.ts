import { assertCan, type Actor } from '../auth/actor';
import { isWardenError } from '../errors';
import { batchDecisionSchema, type BatchDecisionInput } from '../review/schemas';
import { reviewPendingAction } from './review-pending-action';

export type BatchItemResult =
  | { actionId: string; result: 'approved' | 'rejected' }
  /** This approval is recorded; the quorum needs more. */
  | { actionId: string; result: 'needs_more_approvals'; approvals: number; required: number; missingGroups: string[] }
  | { actionId: string; result: 'refused'; reason: string };

/**
 * "Approve all in trace" / "Reject all in trace": the listed actions (the ones the reviewer saw in the confirmation)
 * are decided one by one through reviewPendingAction, each its own compare-and-set with its own audit event, so a
 * batch is no more than the same decisions made in a row. An action someone else decided meanwhile, or one this
 * reviewer may not approve, is reported with its reason; the others are still decided. An unexpected error (the database gone) stops the batch; the decisions made before it stand.
 */
export async function reviewActionBatch(actor: Actor, input: BatchDecisionInput): Promise<BatchItemResult[]> {
  assertCan(actor, 'actions.decide');
  const { actionIds, decision, comment } = batchDecisionSchema.parse(input);
  const results: BatchItemResult[] = [];
  for (const actionId of actionIds) {
    try {
      const outcome = await reviewPendingAction(actor, { actionId, comment }, decision);
      results.push(
        outcome.status === 'pending_review'
          ? {
              actionId,
              result: 'needs_more_approvals',
              approvals: outcome.approvals,
              required: outcome.required,
              missingGroups: outcome.missingGroups,
            }
          : { actionId, result: decision },
      );
    } catch (error) {
      if (!isWardenError(error)) throw error;
      results.push({ actionId, result: 'refused', reason: error.message });
    }
  }
  return results;
}
