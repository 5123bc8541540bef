import { assertCan, type Actor } from '../auth/actor';
import { parseRoles } from '../auth/roles';
import { db } from '../db/client';

export type AgentOwnerOption = { id: string; name: string; email: string };

/** Who may own an agent, for the admin's owner picker: enabled users with the owner or admin role. */
export async function listAgentOwners(actor: Actor): Promise<AgentOwnerOption[]> {
  assertCan(actor, 'agents.manage');
  const users = await db().user.findMany({
    where: { disabled: false },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, email: true, roles: true },
  });
  return users
    .filter((user) => parseRoles(user.roles).some((role) => role === 'owner' || role === 'admin'))
    .map(({ id, name, email }) => ({ id, name, email }));
}
