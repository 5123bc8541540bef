import { parseRoles } from '../auth/roles';
import { db } from '../db/client';
import type { ActionLevel } from '../policy/action-levels';
import type { ReadinessFacts, ReadinessGrant, RollbackDeclaration } from '../policy/agent-readiness';
import { isActiveAdmin } from '../policy/return-to-normal';

/**
 * The readiness facts of several agents in four queries whatever their number (agents with their keys and grants,
 * channels, groups, admins): the agents list scores a page of agents without a query per agent.
 */
export async function gatherReadinessFacts(agentIds: string[], now = new Date()): Promise<Map<string, ReadinessFacts>> {
  if (agentIds.length === 0) return new Map();
  const [agents, channels, groups, admins] = await Promise.all([
    db().agent.findMany({
      where: { id: { in: agentIds } },
      include: {
        owner: { select: { name: true, disabled: true } },
        keys: {
          where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
          select: { prefix: true, createdAt: true },
        },
        grants: { include: { tool: true } },
      },
    }),
    db().notificationChannel.findMany({
      where: { enabled: true },
      select: { name: true, groupId: true },
      orderBy: { name: 'asc' },
    }),
    db().reviewerGroup.findMany({ select: { id: true, name: true } }),
    db().user.findMany({
      where: { disabled: false, roles: { contains: 'admin' } },
      select: { roles: true, disabled: true },
    }),
  ]);
  // The return to normal's own count (lib/policy/return-to-normal.ts): one active admin means nobody can approve.
  const activeAdmins = admins.filter((user) =>
    isActiveAdmin({ roles: parseRoles(user.roles), disabled: user.disabled }),
  ).length;
  const groupNames = Object.fromEntries(groups.map((group) => [group.id, group.name]));

  return new Map(
    agents.map((agent) => [
      agent.id,
      {
        agentId: agent.id,
        purpose: agent.purpose,
        ownerName: agent.owner.name,
        ownerDisabled: agent.owner.disabled,
        shutoffContact: agent.shutoffContact,
        monitoringNote: agent.monitoringNote,
        manualFallback: agent.manualFallback,
        activeKeys: agent.keys,
        requesterKeyConfigured: Boolean(agent.requesterKey),
        grants: agent.grants.map((grant): ReadinessGrant => {
          const constraints = jsonArray(grant.constraints);
          return {
            id: grant.id,
            toolId: grant.toolId,
            toolName: grant.tool.name,
            actionLevel: grant.tool.actionLevel as ActionLevel,
            approvals: grant.approvals,
            constraintCount: constraints.length,
            hasReviewConstraint: constraints.some((c) => isRecord(c) && c.effect === 'review'),
            maxPending: grant.maxPending,
            rateLimitCount: grant.rateLimitCount,
            reviewerGroupIds: [
              ...new Set([
                ...jsonArray(grant.requiredGroups).filter((id): id is string => typeof id === 'string'),
                ...(grant.reviewGroupId ? [grant.reviewGroupId] : []),
                ...jsonArray(grant.escalationLadder).flatMap((step) =>
                  isRecord(step) && typeof step.groupId === 'string' ? [step.groupId] : [],
                ),
              ]),
            ],
            rollback: rollbackOf(grant.tool),
          };
        }),
        channels,
        groupNames,
        activeAdmins,
        now,
      },
    ]),
  );
}

/**
 * How the tool declares its effects undone. Read defensively: the declaration is a column another change adds; until
 * it is there (or when it holds anything else) the tool counts as not declared.
 */
/**
 * A tool's rollback declaration (lib/tools: rollbackKind). 'none' is also every tool's default, so it reads as "not
 * declared": a write tool with no way back is the gap the checklist names, whether or not someone chose it.
 */
function rollbackOf(tool: { rollbackKind: string }): RollbackDeclaration | undefined {
  return tool.rollbackKind === 'manual' || tool.rollbackKind === 'compensating' ? tool.rollbackKind : undefined;
}

function jsonArray(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
