import type { Db, Tx } from '../db/client';
import { WardenError } from '../errors';

/**
 * Which agents and which time an incident covers: the one filter every incident reader uses (timeline, counts,
 * replay, evidence, marks), so "the incident's actions" means the same thing everywhere.
 * Agents: `allAgents` = every agent, present and future; otherwise the incident's IncidentAgent rows. (With
 * `allAgents`, IncidentAgent rows exist only for agents the incident paused, so its return to normal can resume them.)
 * Window: `[windowStart, windowEnd ?? now]`, both ends included.
 */
export type IncidentScope = {
  incidentId: string;
  allAgents: boolean;
  /** Empty when `allAgents`: no agent filter applies. */
  agentIds: string[];
  windowStart: Date;
  /** null while the incident is open. */
  windowEnd: Date | null;
};

export type IncidentWindow = { start: Date; end: Date };

export function incidentWindow(
  scope: Pick<IncidentScope, 'windowStart' | 'windowEnd'>,
  now: Date = new Date(),
): IncidentWindow {
  return { start: scope.windowStart, end: scope.windowEnd ?? now };
}

export function scopeCoversAgent(
  scope: Pick<IncidentScope, 'allAgents' | 'agentIds'>,
  agentId: string | null,
): boolean {
  if (agentId === null) return false;
  return scope.allAgents || scope.agentIds.includes(agentId);
}

export function scopeCoversTime(
  scope: Pick<IncidentScope, 'windowStart' | 'windowEnd'>,
  at: Date,
  now: Date = new Date(),
): boolean {
  const { start, end } = incidentWindow(scope, now);
  return at.getTime() >= start.getTime() && at.getTime() <= end.getTime();
}

/** A Prisma `where` fragment on a model with `agentId` (Action, AuditEvent): nothing when every agent is covered. */
export function agentIdWhere(scope: Pick<IncidentScope, 'allAgents' | 'agentIds'>): { agentId?: { in: string[] } } {
  return scope.allAgents ? {} : { agentId: { in: scope.agentIds } };
}

/** Actions of the incident: its agents' actions proposed within the window. */
export function actionWhere(scope: IncidentScope, now: Date = new Date()) {
  const { start, end } = incidentWindow(scope, now);
  return { ...agentIdWhere(scope), createdAt: { gte: start, lte: end } };
}

/** Audit events of the incident's agents within the window (events with no agent are the caller's to add). */
export function auditEventWhere(scope: IncidentScope, now: Date = new Date()) {
  const { start, end } = incidentWindow(scope, now);
  return { ...agentIdWhere(scope), at: { gte: start, lte: end } };
}

/** Reads an incident's scope (404 naming it when there is none). Callers check `incidents.manage` themselves. */
export async function loadIncidentScope(client: Db | Tx, incidentId: string): Promise<IncidentScope> {
  const incident = await client.incident.findUnique({
    where: { id: incidentId },
    select: { id: true, allAgents: true, windowStart: true, windowEnd: true, agents: { select: { agentId: true } } },
  });
  if (!incident) throw new WardenError('not_found', 'No incident with that id.', { incidentId });
  return {
    incidentId: incident.id,
    allAgents: incident.allAgents,
    agentIds: incident.allAgents ? [] : incident.agents.map((a) => a.agentId).sort(),
    windowStart: incident.windowStart,
    windowEnd: incident.windowEnd,
  };
}
