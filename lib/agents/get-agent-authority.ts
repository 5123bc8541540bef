import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';

/** What the calling agent may do, before it acts: its state and every granted, enabled tool with its schema. */
export async function getAgentAuthority(actor: Actor) {
  assertCan(actor, 'actions.read_own');
  if (actor.type !== 'agent') throw new WardenError('forbidden', 'Only an agent has agent authority.');
  const agent = await db().agent.findUniqueOrThrow({
    where: { id: actor.id },
    include: { grants: { include: { tool: true }, orderBy: { tool: { name: 'asc' } } } },
  });
  return {
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
