import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { readGroupNames } from '../review-groups/read-group-names';
import { toGrantPolicy } from './to-grant-policy';

/** An agent's grants with every rule, for the grant editor's list; and every tool, for "Add grant" and the simulator. */
export async function listAgentGrants(actor: Actor, agentId: string) {
  assertCan(actor, 'agents.read');
  const [agent, tools, groupNames, held] = await Promise.all([
    db().agent.findUnique({
      where: { id: agentId },
      include: {
        grants: {
          include: { tool: { select: { name: true, actionLevel: true, enabled: true, supportsRollback: true } } },
          orderBy: { tool: { name: 'asc' } },
        },
      },
    }),
    db().tool.findMany({ orderBy: { name: 'asc' }, select: { name: true, enabled: true } }),
    readGroupNames(db()),
    db().grantChangeRequest.findMany({ where: { agentId, status: 'pending' }, select: { grantId: true } }),
  ]);
  if (!agent) throw new WardenError('not_found', 'No agent with that id.');
  return {
    grants: agent.grants.map((grant) => ({
      id: grant.id,
      tool: grant.tool.name,
      actionLevel: grant.tool.actionLevel,
      supportsRollback: grant.tool.supportsRollback,
      toolEnabled: grant.tool.enabled,
      version: grant.version,
      updatedAt: grant.updatedAt.toISOString(),
      rules: toGrantPolicy(grant)!,
      /** An owner's loosening of this grant waits for an admin. */
      changeHeld: held.some((request) => request.grantId === grant.id),
    })),
    tools,
    /** Reviewer group id → name, for the grants' rules (they keep ids). */
    groupNames,
  };
}

export type AgentGrantRow = Awaited<ReturnType<typeof listAgentGrants>>['grants'][number];
