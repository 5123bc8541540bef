import type { Prisma } from '../../generated/sqlite/client';
import { db } from '../../db/client';
import { WardenError } from '../../errors';

export type IncidentWindow = {
  id: string;
  title: string;
  status: string;
  /** null = every agent (allAgents). */
  agentIds: string[] | null;
  start: Date;
  /** windowEnd, or now while the incident is open. */
  end: Date;
};

/** The incident's agents and window as the workbench reads them: `[windowStart, windowEnd ?? now]`. */
export async function loadIncidentWindow(incidentId: string, now = new Date()): Promise<IncidentWindow> {
  const incident = await db().incident.findUnique({
    where: { id: incidentId },
    select: { id: true, title: true, status: true, allAgents: true, windowStart: true, windowEnd: true, agents: { select: { agentId: true } } },
  });
  if (!incident) throw new WardenError('not_found', 'No such incident.');
  return {
    id: incident.id,
    title: incident.title,
    status: incident.status,
    agentIds: incident.allAgents ? null : incident.agents.map((a) => a.agentId),
    start: incident.windowStart,
    end: incident.windowEnd ?? now,
  };
}

/** Audit events of the incident's agents inside its window: one agent's day reads through the (agentId, at) index. */
export function agentEventsWhere(window: IncidentWindow): Prisma.AuditEventWhereInput {
  const at = { gte: window.start, lte: window.end };
  return window.agentIds === null ? { at, agentId: { not: null } } : { agentId: { in: window.agentIds }, at };
}

/** An action of the incident: one of its agents' actions with at least one audit event inside the window. */
export function actionInWindowWhere(window: IncidentWindow): Prisma.ActionWhereInput {
  return {
    ...(window.agentIds === null ? {} : { agentId: { in: window.agentIds } }),
    events: { some: { at: { gte: window.start, lte: window.end } } },
  };
}
