import { can, type Actor } from '../auth/actor';
import { assertCanControlAgent } from '../agents/assert-can-control-agent';
import { WardenError } from '../errors';

/**
 * Who may engage or release a switch: admins (switches.manage) any; an agent's owner the switches on that agent
 * alone (agent and agent-tool scopes), since pausing it is already theirs. An agent key never, whatever its rights.
 */
export function assertCanManageSwitch(
  actor: Actor,
  target: { scope: string; agent: { ownerId: string; name?: string; archivedAt?: Date | null } | null },
) {
  if (actor.type === 'agent') throw new WardenError('forbidden', 'An agent cannot engage or release a switch.');
  if (can(actor, 'switches.manage')) return;
  if (target.agent && (target.scope === 'agent' || target.scope === 'agent-tool')) {
    assertCanControlAgent(actor, target.agent);
    return;
  }
  throw new WardenError('forbidden', 'Not allowed: this needs the "switches.manage" permission.', {
    permission: 'switches.manage',
  });
}
