import { assertCan, isAdmin, type Actor } from '../auth/actor';
import { WardenError } from '../errors';

/** Pause, resume and mode changes: admins for every agent, owners only for the agents they own. */
export function assertCanControlAgent(actor: Actor, agent: { ownerId: string }): void {
  assertCan(actor, 'agents.control');
  if (!isAdmin(actor) && agent.ownerId !== actor.id) {
    throw new WardenError('forbidden', 'Only the owner of this agent or an admin can change it.');
  }
}
