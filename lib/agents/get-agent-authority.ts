import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { GLOBAL_STOP_ID } from '../kill-switches/global-stop';
import { readEngagedStops } from '../kill-switches/read-engaged-stops';
import { describeStop, stopsCovering } from '../policy/stop-coverage';
import { prismaRunner } from '../db/sql-runner';

/** What the calling agent may do, before it acts: its state and every granted, enabled tool with its schema. */
export async function getAgentAuthority(actor: Actor) {
  assertCan(actor, 'actions.read_own');
  if (actor.type !== 'agent') throw new WardenError('forbidden', 'Only an agent has agent authority.');
  const agent = await db().agent.findUniqueOrThrow({
    where: { id: actor.id },
    include: { grants: { include: { tool: true }, orderBy: { tool: { name: 'asc' } } } },
  });
  // The switches that reach this agent: everything global, every tool switch, and its own. A missing global stop
  // row is reported engaged, as the gate treats it.
  const switches = await db().switch.findMany({
    where: { engaged: true, OR: [{ agentId: null }, { agentId: agent.id }] },
    orderBy: [{ engagedAt: 'asc' }, { id: 'asc' }],
  });
  const globalRow = await db().switch.findUnique({ where: { id: GLOBAL_STOP_ID }, select: { id: true } });
  return {
    inFlightAtStop: await listInFlightAtStop(agent.id),
    switches: [
      ...(globalRow
        ? []
        : [
            {
              id: GLOBAL_STOP_ID,
              scope: 'global',
              tool: null,
              effect: 'block',
              reason: 'the global stop record is missing',
              since: new Date(0).toISOString(),
            },
          ]),
      ...switches.map((s) => ({
        id: s.id,
        scope: s.scope,
        tool: s.toolName,
        effect: s.effect,
        reason: s.reason,
        since: (s.engagedAt ?? s.changedAt).toISOString(),
      })),
    ],
    agent: { id: agent.id, name: agent.name, status: agent.status, mode: agent.mode },
    tools: agent.grants
      .filter((grant) => grant.tool.enabled)
      .map((grant) => ({
        name: grant.tool.name,
        description: grant.tool.description,
        actionLevel: grant.tool.actionLevel,
        parameters: JSON.parse(grant.tool.parameters) as unknown,
        approval: grant.approvals > 0 ? ('required' as const) : ('none' as const),
      })),
  };
}

/**
 * The agent's executing actions that an engaged stop now covers: claimed before the stop, so they may be running.
 * The agent is told here (and in the answer to its result report); the result is still recorded when it comes.
 */
async function listInFlightAtStop(agentId: string) {
  const executing = await db().action.findMany({
    where: { agentId, status: 'executing' },
    select: { id: true, toolName: true },
    orderBy: { createdAt: 'asc' },
    take: 200,
  });
  if (executing.length === 0) return [];
  const stops = await readEngagedStops(prismaRunner(db()), agentId);
  return executing
    .map((action) => ({
      actionId: action.id,
      tool: action.toolName,
      stops: stopsCovering(stops, { agentId, toolName: action.toolName, createdAt: new Date(0), expiresAt: null }).map(
        describeStop,
      ),
    }))
    .filter((held) => held.stops.length > 0);
}
