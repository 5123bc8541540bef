import { can, isAdmin, assertCan, type Actor } from '../auth/actor';
import { WardenError } from '../errors';

type ControlledAgent = { ownerId: string; name?: string; archivedAt?: Date | null };

/**
 * Pause, resume, mode, keys, grants: admins for every agent, owners only for the agents they own.
 * An archived agent is read-only for everybody.
 */
export function assertCanControlAgent(actor: Actor, agent: ControlledAgent): void {
  assertCan(actor, 'agents.control');
  if (!isAdmin(actor) && agent.ownerId !== actor.id) {
    throw new WardenError('forbidden', 'Only the owner of this agent or an admin can change it.');
  }
  if (agent.archivedAt) {
    throw new WardenError(
      'conflict',
      `${agent.name ? `Agent "${agent.name}"` : 'This agent'} is archived: it is read-only.`,
      { archived: true },
    );
  }
}

/** The same rule as a yes/no, for showing or hiding controls (the change itself still asserts it). */
export function canControlAgent(actor: Actor, agent: ControlledAgent): boolean {
  return can(actor, 'agents.control') && (isAdmin(actor) || agent.ownerId === actor.id) && !agent.archivedAt;
}
