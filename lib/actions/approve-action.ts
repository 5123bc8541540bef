import type { Actor } from '../auth/actor';
import { reviewPendingAction } from './review-pending-action';
import type { DecisionInput } from './schemas';

/** Records this reviewer's approval; the action is approved once the grant's number of reviewers have approved. */
export function approveAction(actor: Actor, input: DecisionInput) {
  return reviewPendingAction(actor, input, 'approved');
}
