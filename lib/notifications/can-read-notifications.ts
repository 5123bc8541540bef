import { can, type Actor } from '../auth/actor';
import { WardenError } from '../errors';

/** Admins manage notification channels; reviewers read them and the delivery log. Nobody else sees them. */
export function canReadNotifications(actor: Actor): boolean {
  return can(actor, 'reviewers.manage') || can(actor, 'actions.decide');
}

export function assertCanReadNotifications(actor: Actor): void {
  if (!canReadNotifications(actor))
    throw new WardenError('forbidden', 'Only admins and reviewers see notification channels and deliveries.');
}
