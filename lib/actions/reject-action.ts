import type { Actor } from '../auth/actor';
import { reviewPendingAction } from './review-pending-action';
import type { DecisionInput } from './schemas';

/** One rejection rejects: the agent receives the comment as the decision's reason. */
export function rejectAction(actor: Actor, input: DecisionInput) {
  return reviewPendingAction(actor, input, 'rejected');
}
