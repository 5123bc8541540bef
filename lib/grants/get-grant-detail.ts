import { assertCan, type Actor } from '../auth/actor';
import { canControlAgent } from '../agents/assert-can-control-agent';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { listGrantChanges } from './list-grant-changes';
import { toGrantPolicy } from './to-grant-policy';

/** One grant for its editor: the rules and the version they were read at, the agent and tool, and the change history. */
export async function getGrantDetail(actor: Actor, input: { agentId: string; grantId: string }) {
  assertCan(actor, 'agents.read');
  const grant = await db().grant.findUnique({
    where: { id: input.grantId },
    include: { agent: { select: { id: true, name: true, ownerId: true, environment: true } }, tool: { select: { name: true, actionLevel: true, enabled: true, parameters: true } } },
  });
  if (!grant || grant.agentId !== input.agentId) throw new WardenError('not_found', 'No such grant.');
  const changes = await listGrantChanges(actor, { agentId: grant.agentId, tool: grant.tool.name });
  return {
    id: grant.id,
    version: grant.version,
    rules: toGrantPolicy(grant)!,
    agent: { id: grant.agent.id, name: grant.agent.name, environment: grant.agent.environment },
    tool: { name: grant.tool.name, actionLevel: grant.tool.actionLevel, enabled: grant.tool.enabled, parameters: JSON.parse(grant.tool.parameters) as Record<string, unknown> },
    changes,
    viewerCanControl: canControlAgent(actor, grant.agent),
  };
}

export type GrantDetail = Awaited<ReturnType<typeof getGrantDetail>>;
