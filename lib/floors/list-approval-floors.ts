import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { ACTION_LEVELS, type ActionLevel } from '../policy/action-levels';
import { applicableFloor, DEFAULT_LEVEL_FLOORS, guaranteedApprovals } from '../policy/admin-floors';
import { canGovernGrants } from './can-govern-grants';

/**
 * The floors page: every level's floor (stored or default), every tool's own floor, the tools to choose from, and
 * (for admins) the grants below their floor — a raised floor binds the next change of a grant, not the grant as it
 * stands, so admins see which ones to tighten.
 */
export async function listApprovalFloors(actor: Actor) {
  assertCan(actor, 'agents.read');
  const governs = canGovernGrants(actor);
  const [rows, tools, grants] = await Promise.all([
    db().approvalFloor.findMany(),
    db().tool.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, actionLevel: true } }),
    governs
      ? db().grant.findMany({
          select: {
            id: true,
            approvals: true,
            requiredGroups: true,
            toolId: true,
            agent: { select: { id: true, name: true } },
          },
          orderBy: { createdAt: 'asc' },
        })
      : Promise.resolve([]),
  ]);
  const byLevel = new Map(rows.filter((row) => row.actionLevel).map((row) => [row.actionLevel!, row.minApprovals]));
  const byTool = new Map(rows.filter((row) => row.toolId).map((row) => [row.toolId!, row.minApprovals]));
  const toolById = new Map(tools.map((tool) => [tool.id, tool]));
  const floorOf = (tool: { id: string; name: string; actionLevel: string }) =>
    applicableFloor(
      { name: tool.name, actionLevel: tool.actionLevel as ActionLevel },
      { level: byLevel.get(tool.actionLevel) ?? null, tool: byTool.get(tool.id) ?? null },
    );

  const belowFloor = grants.flatMap((grant) => {
    const tool = toolById.get(grant.toolId);
    if (!tool) return [];
    const floor = floorOf(tool);
    const approvals = guaranteedApprovals({
      approvals: grant.approvals,
      requiredGroups: JSON.parse(grant.requiredGroups) as string[],
    });
    return approvals < floor.minApprovals
      ? [{ grantId: grant.id, agent: grant.agent, tool: tool.name, approvals, floor: floor.minApprovals }]
      : [];
  });
  return {
    levels: ACTION_LEVELS.map((level) => ({
      level,
      minApprovals: byLevel.get(level) ?? DEFAULT_LEVEL_FLOORS[level],
      isDefault: !byLevel.has(level),
      defaultMin: DEFAULT_LEVEL_FLOORS[level],
    })),
    tools: tools.map((tool) => ({
      name: tool.name,
      actionLevel: tool.actionLevel,
      minApprovals: byTool.get(tool.id) ?? null,
    })),
    belowFloor,
    viewerCanChange: governs,
  };
}

export type ApprovalFloors = Awaited<ReturnType<typeof listApprovalFloors>>;
