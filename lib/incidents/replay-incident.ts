import { assertCan, can, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { invalidInput, WardenError } from '../errors';
import { replayProposals } from '../grants/replay-proposals';
import { rulesToPolicy, toGrantPolicy } from '../grants/to-grant-policy';
import type { ActionLevel } from '../policy/action-levels';
import type { Outcome } from '../policy/decide-proposal';
import { maskParams } from '../tools/present-params';
import { EXECUTED_STATUSES } from './get-incident-summary';
import { loadIncidentWindow } from './timeline/incident-window';
import { replayIncidentSchema, type ReplayIncidentInput } from './timeline/schemas';

const MAX_PROPOSALS = 5_000;
const STOPPING: readonly Outcome[] = ['blocked', 'draft', 'throttled'];

export type ReplayChange = {
  actionId: string;
  createdAt: string;
  params: Record<string, unknown>;
  /** What really became of the action (it may have been reviewed, executed, rolled back since). */
  status: string;
  executed: boolean;
  before: Outcome;
  after: Outcome;
  reasons: string[];
  /** The edited grant would have kept it from running on its own: blocked, drafted or throttled, or sent to a person where the gate let it run. */
  stopped: boolean;
};

/**
 * "Would the tightened grant have stopped this?": the window's recorded proposals of one grant's agent and tool,
 * replayed by the backtest's engine (lib/grants/replay-proposals.ts) under the grant as it is now and as edited,
 * reporting each proposal whose outcome would change. Records nothing; the grant is not saved (that is the grant's
 * own page). The grant must belong to one of the incident's agents.
 */
export async function replayIncident(actor: Actor, input: ReplayIncidentInput) {
  assertCan(actor, 'incidents.manage');
  const { incidentId, grantId, rules } = replayIncidentSchema.parse(input);
  const window = await loadIncidentWindow(incidentId);
  const grant = await db().grant.findUnique({ where: { id: grantId }, include: { agent: true, tool: true } });
  if (!grant) throw new WardenError('not_found', 'No such grant.');
  if (window.agentIds !== null && !window.agentIds.includes(grant.agentId)) {
    throw invalidInput(`The grant belongs to ${grant.agent.name}, which is not an agent of this incident.`, [
      { path: 'grantId', message: "not a grant of the incident's agents" },
    ]);
  }

  const proposals = await db().action.findMany({
    where: { agentId: grant.agentId, toolId: grant.toolId, createdAt: { gte: window.start, lte: window.end } },
    orderBy: { createdAt: 'asc' },
    take: MAX_PROPOSALS,
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
  const sensitiveFields = JSON.parse(grant.tool.sensitiveFields) as string[];
  const hidden = can(actor, 'actions.read_sensitive') ? [] : sensitiveFields;
  const changed = replayProposals(
    proposals,
    {
      tool: { name: grant.tool.name, actionLevel: grant.tool.actionLevel as ActionLevel },
      agent: grant.agent,
      sensitiveFields,
    },
    toGrantPolicy(grant)!,
    rulesToPolicy(rules),
  );

  const changes = changed.map(({ proposal, before, after, reasons }): ReplayChange => ({
    actionId: proposal.id,
    createdAt: proposal.createdAt.toISOString(),
    params: maskParams(JSON.parse(proposal.params) as Record<string, unknown>, hidden),
    status: proposal.status,
    executed: (EXECUTED_STATUSES as readonly string[]).includes(proposal.status),
    before,
    after,
    reasons,
    stopped: STOPPING.includes(after) || (before === 'approved' && after === 'pending_review'),
  }));
  return {
    grant: { id: grant.id, agentName: grant.agent.name, tool: grant.tool.name },
    window: { start: window.start.toISOString(), end: window.end.toISOString() },
    total: proposals.length,
    truncated: proposals.length === MAX_PROPOSALS,
    stopped: changes.filter((change) => change.stopped).length,
    changes,
  };
}

export type IncidentReplay = Awaited<ReturnType<typeof replayIncident>>;
