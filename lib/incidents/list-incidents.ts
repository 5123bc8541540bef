import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { parseContainment } from './get-incident';
import {
  listIncidentsSchema,
  type ContainmentOption,
  type IncidentSeverity,
  type IncidentStatus,
  type ListIncidentsInput,
} from './schemas';

export type IncidentListItem = {
  id: string;
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  allAgents: boolean;
  /** Agent names (named agents; empty with allAgents). */
  agents: string[];
  containment: ContainmentOption[];
  windowStart: string;
  windowEnd: string | null;
  openedAt: string;
  closedAt: string | null;
};

/** Incidents, open ones first, then newest first. Bounded: a workspace has few incidents, but the page never grows unbounded. */
export async function listIncidents(
  actor: Actor,
  input: ListIncidentsInput = {},
  limit = 200,
): Promise<IncidentListItem[]> {
  assertCan(actor, 'incidents.manage');
  const { status } = listIncidentsSchema.parse(input);
  const rows = await db().incident.findMany({
    where: status ? { status } : {},
    orderBy: [{ status: 'desc' }, { openedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    include: { agents: { select: { agentId: true } } },
  });
  const agentIds = [...new Set(rows.flatMap((r) => (r.allAgents ? [] : r.agents.map((a) => a.agentId))))];
  const names = new Map(
    (await db().agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true } })).map((a) => [
      a.id,
      a.name,
    ]),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    severity: r.severity as IncidentSeverity,
    status: r.status as IncidentStatus,
    allAgents: r.allAgents,
    agents: r.allAgents ? [] : r.agents.map((a) => names.get(a.agentId) ?? a.agentId).sort(),
    containment: parseContainment(r.containment),
    windowStart: r.windowStart.toISOString(),
    windowEnd: r.windowEnd?.toISOString() ?? null,
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  }));
}
