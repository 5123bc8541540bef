import { assertCan, can, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { switchTarget, type SwitchEffect, type SwitchScope } from '../policy/switch-effects';
import { GLOBAL_STOP_ID } from './global-stop';

export type SwitchView = {
  id: string;
  scope: SwitchScope;
  effect: SwitchEffect;
  agentId: string | null;
  agentName: string | null;
  toolName: string | null;
  /** "agent support-bot", "tool refund.issue", "" for global. */
  target: string;
  reason: string;
  engagedAt: Date;
  engagedBy: string | null;
  /** Whether this viewer may release it (the page still re-checks through the domain). */
  manageable: boolean;
};

/**
 * The engaged switches: admins see all; everybody else (owners, reviewers, viewers) the ones that reach agents at
 * all (global and tool) and the ones on agents they own. A missing global stop row reads as engaged (fail closed).
 */
export async function listEngagedSwitches(actor: Actor): Promise<SwitchView[]> {
  assertCan(actor, 'agents.read');
  const admin = can(actor, 'switches.manage');
  const rows = await db().switch.findMany({ where: { engaged: true }, orderBy: [{ engagedAt: 'asc' }, { id: 'asc' }] });
  if (!(await db().switch.findUnique({ where: { id: GLOBAL_STOP_ID }, select: { id: true } }))) {
    rows.unshift({
      id: GLOBAL_STOP_ID,
      engaged: true,
      changedById: null,
      changedAt: new Date(0),
      scope: 'global',
      agentId: null,
      toolName: null,
      effect: 'block',
      engagedKey: null,
      reason: 'the global stop record is missing: Warden fails closed',
      engagedById: null,
      engagedAt: null,
      releasedById: null,
      releasedAt: null,
      releaseReason: null,
      incidentId: null,
    });
  }
  const agentIds = [...new Set(rows.map((r) => r.agentId).filter((id): id is string => id !== null))];
  const agents = new Map(
    (
      await db().agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true, ownerId: true } })
    ).map((a) => [a.id, a]),
  );
  const userIds = [
    ...new Set(rows.map((r) => r.engagedById ?? r.changedById).filter((id): id is string => id !== null)),
  ];
  const users = new Map(
    (await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const owns = (agentId: string | null) =>
    actor.type === 'user' && agentId !== null && agents.get(agentId)?.ownerId === actor.id;
  return rows
    .filter((row) => admin || row.agentId === null || owns(row.agentId))
    .map((row) => {
      const agentName = row.agentId ? (agents.get(row.agentId)?.name ?? row.agentId) : null;
      const by = row.engagedById ?? row.changedById;
      return {
        id: row.id,
        scope: row.scope as SwitchScope,
        effect: row.effect as SwitchEffect,
        agentId: row.agentId,
        agentName,
        toolName: row.toolName,
        target: switchTarget({ scope: row.scope as SwitchScope, agentId: agentName, toolName: row.toolName }),
        reason: row.reason,
        engagedAt: row.engagedAt ?? row.changedAt,
        engagedBy: by ? (users.get(by) ?? null) : null,
        manageable:
          admin ||
          (owns(row.agentId) && (row.scope === 'agent' || row.scope === 'agent-tool') && can(actor, 'agents.control')),
      };
    });
}
