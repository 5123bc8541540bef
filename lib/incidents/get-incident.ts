import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';
import type { ContainmentOption, IncidentSeverity, IncidentStatus } from './schemas';

export type IncidentSwitchView = {
  id: string;
  scope: string;
  effect: string;
  agentName: string | null;
  engaged: boolean;
  reason: string;
  engagedAt: string | null;
  releasedAt: string | null;
};

export type IncidentHeader = {
  id: string;
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  allAgents: boolean;
  /** The named agents (with allAgents: those it paused), with whether the incident paused each and its state now. */
  agents: { id: string; name: string; status: string; pausedByIncident: boolean }[];
  windowStart: string;
  windowEnd: string | null;
  containment: ContainmentOption[];
  switches: IncidentSwitchView[];
  manualFallback: string;
  openedBy: string | null;
  openedAt: string;
  closedBy: string | null;
  closedAt: string | null;
  resolution: string | null;
  version: number;
};

/** One incident's header facts (the workbench's layout renders them on every tab). 404 when there is none. */
export async function getIncident(actor: Actor, id: string): Promise<IncidentHeader> {
  assertCan(actor, 'incidents.manage');
  const incident = await db().incident.findUnique({ where: { id }, include: { agents: true } });
  if (!incident) throw new WardenError('not_found', 'No incident with that id.', { incidentId: id });
  const switches = await db().switch.findMany({
    where: { incidentId: id },
    orderBy: [{ engagedAt: 'asc' }, { id: 'asc' }],
  });
  const agentIds = [
    ...new Set([...incident.agents.map((a) => a.agentId), ...switches.flatMap((s) => (s.agentId ? [s.agentId] : []))]),
  ];
  const agents = new Map(
    (
      await db().agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true, status: true } })
    ).map((a) => [a.id, a]),
  );
  const userIds = [incident.openedById, incident.closedById].filter((u): u is string => u !== null);
  const users = new Map(
    (await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  // An opener or closer with no user row is the admin CLI on the server.
  const person = (userId: string | null) => (userId ? (users.get(userId) ?? 'a deleted user') : 'the admin CLI');
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity as IncidentSeverity,
    status: incident.status as IncidentStatus,
    allAgents: incident.allAgents,
    agents: incident.agents
      .map((row) => ({
        id: row.agentId,
        name: agents.get(row.agentId)?.name ?? row.agentId,
        status: agents.get(row.agentId)?.status ?? 'unknown',
        pausedByIncident: row.pausedByIncident,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    windowStart: incident.windowStart.toISOString(),
    windowEnd: incident.windowEnd?.toISOString() ?? null,
    containment: parseContainment(incident.containment),
    switches: switches.map((s) => ({
      id: s.id,
      scope: s.scope,
      effect: s.effect,
      agentName: s.agentId ? (agents.get(s.agentId)?.name ?? s.agentId) : null,
      engaged: s.engaged,
      reason: s.reason,
      engagedAt: s.engagedAt?.toISOString() ?? null,
      releasedAt: s.releasedAt?.toISOString() ?? null,
    })),
    manualFallback: incident.manualFallback,
    openedBy: person(incident.openedById),
    openedAt: incident.openedAt.toISOString(),
    closedBy: incident.status === 'closed' ? person(incident.closedById) : null,
    closedAt: incident.closedAt?.toISOString() ?? null,
    resolution: incident.resolution,
    version: incident.version,
  };
}

export function parseContainment(text: string): ContainmentOption[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is ContainmentOption => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
