import { assertCan, type Actor } from '../auth/actor';
import { canControlAgent } from '../agents/assert-can-control-agent';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { canGovernGrants } from '../floors/can-govern-grants';
import { readToolFloor } from '../floors/read-tool-floor';
import { schemaParamPaths } from '../policy/grant-param-paths';
import { listGrantChanges } from './list-grant-changes';
import { listHeldGrantChanges } from './list-held-grant-changes';
import { toGrantPolicy } from './to-grant-policy';

/**
 * One grant for its editor: the rules, the admin floor and any held changes, and the version they were read at, the agent and tool, the change history, and
 * the reviewer groups (the rules and the history keep group ids; people read names).
 */
export async function getGrantDetail(actor: Actor, input: { agentId: string; grantId: string }) {
  assertCan(actor, 'agents.read');
  const grant = await db().grant.findUnique({
    where: { id: input.grantId },
    include: {
      agent: { select: { id: true, name: true, ownerId: true, environment: true } },
      tool: {
        select: { id: true, name: true, actionLevel: true, enabled: true, supportsRollback: true, parameters: true },
      },
    },
  });
  if (!grant || grant.agentId !== input.agentId) throw new WardenError('not_found', 'No such grant.');
  const [changes, reviewerGroups, floor, heldChanges] = await Promise.all([
    listGrantChanges(actor, { agentId: grant.agentId, tool: grant.tool.name }),
    db().reviewerGroup.findMany({
      orderBy: { name: 'asc' },
      select: { id: true, name: true, _count: { select: { members: true } } },
    }),
    readToolFloor(db(), grant.tool),
    listHeldGrantChanges(actor, { grantId: grant.id }),
  ]);
  const parameters = JSON.parse(grant.tool.parameters) as Record<string, unknown>;
  return {
    id: grant.id,
    version: grant.version,
    rules: toGrantPolicy(grant)!,
    agent: { id: grant.agent.id, name: grant.agent.name, environment: grant.agent.environment },
    tool: {
      name: grant.tool.name,
      actionLevel: grant.tool.actionLevel,
      supportsRollback: grant.tool.supportsRollback,
      enabled: grant.tool.enabled,
      parameters,
    },
    /** The parameters a condition may name (the editor's choices; anything else is refused on save). */
    paramPaths: schemaParamPaths(parameters),
    /** The admin floor this grant must meet (owners cannot save below it). */
    floor,
    /** Owners' loosening changes waiting for an admin. */
    heldChanges,
    changes,
    /** Every reviewer group, for the editor's choices; also names the groups in the rules and in their history. */
    reviewerGroups: reviewerGroups.map((group) => ({
      id: group.id,
      name: group.name,
      memberCount: group._count.members,
    })),
    groupNames: Object.fromEntries(reviewerGroups.map((group) => [group.id, group.name])) as Record<string, string>,
    viewerCanControl: canControlAgent(actor, grant.agent),
    /** An admin: sets floors, approves held changes, and saves a loosening after confirming it. */
    viewerCanGovern: canGovernGrants(actor),
  };
}

export type GrantDetail = Awaited<ReturnType<typeof getGrantDetail>>;
