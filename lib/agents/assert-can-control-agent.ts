import { can, isAdmin, assertCan, type Actor } from '../auth/actor';
import { WardenError } from '../errors';

/** Pause, resume and mode changes: admins for every agent, owners only for the agents they own. */
export function assertCanControlAgent(actor: Actor, agent: { ownerId: string }): void {
  assertCan(actor, 'agents.control');
  if (!isAdmin(actor) && agent.ownerId !== actor.id) {
    throw new WardenError('forbidden', 'Only the owner of this agent or an admin can change it.');
  }
}

/** The same rule as a yes/no, for showing or hiding controls (the change itself still asserts it). */
export function canControlAgent(actor: Actor, agent: { ownerId: string }): boolean {
  return can(actor, 'agents.control') && (isAdmin(actor) || agent.ownerId === actor.id);
}
