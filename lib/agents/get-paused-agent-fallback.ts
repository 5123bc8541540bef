import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';

export type PausedAgentFallback = { agentName: string; ownerName: string; manualFallback: string };

/**
 * The manual fallback to show a reviewer while the agent is paused; null when it runs (the text is for when it is
 * stopped). Written by the agent's owner or an admin, never by the agent.
 */
export async function getPausedAgentFallback(actor: Actor, agentId: string): Promise<PausedAgentFallback | null> {
  assertCan(actor, 'agents.read');
  const agent = await db().agent.findUnique({
    where: { id: agentId },
    select: { name: true, status: true, manualFallback: true, archivedAt: true, owner: { select: { name: true } } },
  });
  if (!agent || agent.status !== 'paused' || agent.archivedAt) return null;
  return { agentName: agent.name, ownerName: agent.owner.name, manualFallback: agent.manualFallback };
}
