import type { Prisma } from '../../generated/sqlite/client';
import { db } from '../../db/client';
import { actionWhere, auditEventWhere, incidentWindow, loadIncidentScope, type IncidentScope } from '../incident-scope';

export type IncidentWindow = {
  id: string;
  title: string;
  status: string;
  scope: IncidentScope;
  /** null = every agent (allAgents). */
  agentIds: string[] | null;
  start: Date;
  /** windowEnd, or now while the incident is open. */
  end: Date;
};

/** The incident's agents and window as the workbench reads them (lib/incidents/incident-scope.ts), with its title and status. */
export async function loadIncidentWindow(incidentId: string, now = new Date()): Promise<IncidentWindow> {
  const scope = await loadIncidentScope(db(), incidentId);
  const incident = await db().incident.findUniqueOrThrow({
    where: { id: incidentId },
    select: { title: true, status: true },
  });
  const { start, end } = incidentWindow(scope, now);
  return {
    id: incidentId,
    title: incident.title,
    status: incident.status,
    scope,
    agentIds: scope.allAgents ? null : scope.agentIds,
    start,
    end,
  };
}

/**
 * Audit events of the incident's agents inside its window: one agent's day reads through the (agentId, at) index.
 * Events of no agent are left out here (the timeline adds the workspace-wide switch and tool events itself).
 */
export function agentEventsWhere(window: IncidentWindow): Prisma.AuditEventWhereInput {
  const where = auditEventWhere(window.scope, window.end);
  return window.scope.allAgents ? { ...where, agentId: { not: null } } : where;
}

/** The incident's actions (its agents' actions proposed within the window), the same everywhere. */
export function actionInWindowWhere(window: IncidentWindow): Prisma.ActionWhereInput {
  return actionWhere(window.scope, window.end);
}
