import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';

export async function listAgentNames(actor: Actor): Promise<string[]> {
  assertCan(actor, 'agents.read');
  const agents = await db().agent.findMany({ select: { name: true }, orderBy: { name: 'asc' } });
  return agents.map((agent) => agent.name);
}
