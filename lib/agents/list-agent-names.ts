import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';

/** Every agent's name, archived ones too (marked): the CLI's list, where names are what admins type. */
export async function listAgentNames(actor: Actor): Promise<{ name: string; archived: boolean }[]> {
  assertCan(actor, 'agents.read');
  const agents = await db().agent.findMany({ select: { name: true, archivedAt: true }, orderBy: { name: 'asc' } });
  return agents.map((agent) => ({ name: agent.name, archived: agent.archivedAt !== null }));
}
