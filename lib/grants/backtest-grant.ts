import { can, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { assertCanControlAgent } from '../agents/assert-can-control-agent';
import { WardenError } from '../errors';
import type { ActionLevel } from '../policy/action-levels';
import type { Outcome } from '../policy/decide-proposal';
import type { GrantPolicy } from '../policy/grant-policy';
import { grantRulesSchema, type GrantRulesInput } from './schemas';
import { maskParams } from '../tools/present-params';
import { replayProposals } from './replay-proposals';
import { toGrantPolicy } from './to-grant-policy';

const MAX_ACTIONS = 5000;
const MAX_EXAMPLES = 10;

export type BacktestChange = {
  actionId: string;
  createdAt: string;
  params: Record<string, unknown>;
  before: Outcome;
  after: Outcome;
  reasons: string[];
};

/**
 * Before a grant change is saved: replays the agent's recorded proposals for the tool over the last `days` days under
 * the current rules and the proposed ones, and reports how many outcomes would change, with examples.
 * The replay itself (what is varied, what is taken as open) is lib/grants/replay-proposals.ts.
 * Examples show the parameters as this viewer may see them (the tool's sensitive fields masked), like the action pages.
 */
export async function backtestGrant(actor: Actor, input: { grantId: string; rules: GrantRulesInput; days: number }) {
  const proposed = grantRulesSchema.parse(input.rules);
  const days = Math.min(Math.max(Math.trunc(input.days), 1), 90);
  const grant = await db().grant.findUnique({ where: { id: input.grantId }, include: { agent: true, tool: true } });
  if (!grant) throw new WardenError('not_found', 'No such grant.');
  assertCanControlAgent(actor, grant.agent);

  const since = new Date(Date.now() - days * 86_400_000);
  const actions = await db().action.findMany({
    where: { agentId: grant.agentId, toolId: grant.toolId, createdAt: { gte: since } },
    orderBy: { createdAt: 'asc' },
    take: MAX_ACTIONS,
    select: {
      id: true,
      createdAt: true,
      params: true,
      reason: true,
      traceId: true,
      paramsHash: true,
      status: true,
      requester: true,
      requesterVerified: true,
    },
  });
  const current = toGrantPolicy(grant)!;
  const next: GrantPolicy = { ...proposed, expiresAt: proposed.expiresAt?.getTime() ?? null };
  const tool = { name: grant.tool.name, actionLevel: grant.tool.actionLevel as ActionLevel };
  const sensitiveFields = JSON.parse(grant.tool.sensitiveFields) as string[];
  const hidden = can(actor, 'actions.read_sensitive') ? [] : sensitiveFields;

  const changed = replayProposals(actions, { tool, agent: grant.agent, sensitiveFields }, current, next);
  const examples: BacktestChange[] = changed.slice(0, MAX_EXAMPLES).map(({ proposal, before, after, reasons }) => ({
    actionId: proposal.id,
    createdAt: proposal.createdAt.toISOString(),
    params: maskParams(JSON.parse(proposal.params) as Record<string, unknown>, hidden),
    before,
    after,
    reasons,
  }));
  return { days, total: actions.length, changed: changed.length, truncated: actions.length === MAX_ACTIONS, examples };
}
