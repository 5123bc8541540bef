import { assertCan, type Actor } from '../auth/actor';
import { WardenError } from '../errors';
import { assessAgentReadiness, type AgentReadiness } from '../policy/agent-readiness';
import { gatherReadinessFacts } from './readiness-facts';

/** One agent's readiness checklist: the eight areas, each with its good signal or its gaps and where to fix them. */
export async function getAgentReadiness(actor: Actor, agentId: string): Promise<AgentReadiness> {
  assertCan(actor, 'agents.read');
  const facts = (await gatherReadinessFacts([agentId])).get(agentId);
  if (!facts) throw new WardenError('not_found', 'No agent with that id.');
  return assessAgentReadiness(facts);
}
