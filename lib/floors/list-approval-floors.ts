import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { ACTION_LEVELS } from '../policy/action-levels';
import { DEFAULT_LEVEL_FLOORS } from '../policy/admin-floors';
import { canGovernGrants } from './can-govern-grants';

/** The floors page: every level's floor (stored or default), every tool's own floor, and the tools to choose from. */
export async function listApprovalFloors(actor: Actor) {
  assertCan(actor, 'agents.read');
  const [rows, tools] = await Promise.all([
    db().approvalFloor.findMany(),
    db().tool.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, actionLevel: true } }),
  ]);
  const byLevel = new Map(rows.filter((row) => row.actionLevel).map((row) => [row.actionLevel!, row.minApprovals]));
  const byTool = new Map(rows.filter((row) => row.toolId).map((row) => [row.toolId!, row.minApprovals]));
  return {
    levels: ACTION_LEVELS.map((level) => ({ level, minApprovals: byLevel.get(level) ?? DEFAULT_LEVEL_FLOORS[level], isDefault: !byLevel.has(level), defaultMin: DEFAULT_LEVEL_FLOORS[level] })),
    tools: tools.map((tool) => ({ name: tool.name, actionLevel: tool.actionLevel, minApprovals: byTool.get(tool.id) ?? null })),
    viewerCanChange: canGovernGrants(actor),
  };
}

export type ApprovalFloors = Awaited<ReturnType<typeof listApprovalFloors>>;
