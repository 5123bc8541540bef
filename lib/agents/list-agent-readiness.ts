import { assertCan, type Actor } from '../auth/actor';
import { assessAgentReadiness } from '../policy/agent-readiness';
import { gatherReadinessFacts } from './readiness-facts';

export type ReadinessScore = { okCount: number; total: number; gaps: number };

/** Readiness scores of a page of agents, by agent id, gathered in one batch (never a query per agent). */
export async function listAgentReadiness(actor: Actor, agentIds: string[]): Promise<Record<string, ReadinessScore>> {
  assertCan(actor, 'agents.read');
  const facts = await gatherReadinessFacts(agentIds);
  return Object.fromEntries(
    [...facts].map(([id, agentFacts]) => {
      const { okCount, total, rows } = assessAgentReadiness(agentFacts);
      return [id, { okCount, total, gaps: rows.reduce((sum, row) => sum + row.gaps.length, 0) }];
    }),
  );
}
