import { can, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { assertCanControlAgent } from '../agents/assert-can-control-agent';
import { WardenError } from '../errors';
import type { ActionLevel } from '../policy/action-levels';
import { decideProposal, type GateFacts, type Outcome } from '../policy/decide-proposal';
import type { GrantPolicy } from '../policy/grant-policy';
import { grantRulesSchema, type GrantRulesInput } from './schemas';
import { maskParams } from '../tools/present-params';
import { toGrantPolicy } from './to-grant-policy';

const MAX_ACTIONS = 5000;
const MAX_EXAMPLES = 10;

export type BacktestChange = { actionId: string; createdAt: string; params: Record<string, unknown>; before: Outcome; after: Outcome; reasons: string[] };

/**
 * Before a grant change is saved: replays the agent's recorded proposals for the tool over the last `days` days under
 * the current rules and the proposed ones, and reports how many outcomes would change, with examples.
 * Only the grant is varied: switches, pauses and tool state are taken as open, rate and loop counters are rebuilt
 * from the replayed history, and requesters count as verified-without-roles when they were verified.
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
    select: { id: true, createdAt: true, params: true, reason: true, traceId: true, paramsHash: true, status: true, requester: true, requesterVerified: true },
  });
  const current = toGrantPolicy(grant)!;
  const next: GrantPolicy = { ...proposed, expiresAt: proposed.expiresAt?.getTime() ?? null };
  const tool = { name: grant.tool.name, actionLevel: grant.tool.actionLevel as ActionLevel, enabled: true };
  const sensitiveFields = JSON.parse(grant.tool.sensitiveFields) as string[];
  const hidden = can(actor, 'actions.read_sensitive') ? [] : sensitiveFields;

  let changed = 0;
  const examples: BacktestChange[] = [];
  actions.forEach((action, index) => {
    const earlier = actions.slice(0, index);
    const facts = (policy: GrantPolicy): GateFacts => ({
      now: action.createdAt.getTime(), globalStop: false, tool, grant: policy,
      agent: { status: 'active', mode: grant.agent.mode, environment: grant.agent.environment },
      proposal: { params: JSON.parse(action.params) as Record<string, unknown>, reason: action.reason, sensitiveFields },
      counters: replayCounters(earlier, action, policy),
      requester: action.requesterVerified && action.requester ? { status: 'verified', subject: action.requester, roles: [], attributes: {} } : { status: 'none' },
    });
    const before = decideProposal(facts(current));
    const after = decideProposal(facts(next));
    if (before.outcome !== after.outcome) {
      changed += 1;
      if (examples.length < MAX_EXAMPLES) {
        examples.push({ actionId: action.id, createdAt: action.createdAt.toISOString(), params: maskParams(JSON.parse(action.params) as Record<string, unknown>, hidden), before: before.outcome, after: after.outcome, reasons: after.reasons });
      }
    }
  });
  return { days, total: actions.length, changed, truncated: actions.length === MAX_ACTIONS, examples };
}

type Replayed = { createdAt: Date; traceId: string; paramsHash: string; status: string };

function replayCounters(earlier: Replayed[], action: Replayed, policy: GrantPolicy): GateFacts['counters'] {
  const at = action.createdAt.getTime();
  const within = (seconds: number) => earlier.filter((a) => a.createdAt.getTime() >= at - seconds * 1000);
  const counted = (list: Replayed[]) => list.filter((a) => a.status !== 'blocked');
  return {
    callsInWindow: policy.rateLimit ? counted(within(policy.rateLimit.windowSeconds)).length : 0,
    callsInTrace: policy.maxCallsPerTrace ? counted(earlier).filter((a) => a.traceId === action.traceId).length : 0,
    pending: 0,
    repeatsInWindow: policy.loop ? within(policy.loop.windowSeconds).filter((a) => a.paramsHash === action.paramsHash).length : 0,
  };
}
