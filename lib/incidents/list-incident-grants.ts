import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { loadIncidentWindow } from './timeline/incident-window';

/** The grants the Replay tab can edit: those of the incident's agents, with how many of the window's proposals each has. */
export async function listIncidentGrants(actor: Actor, incidentId: string) {
  assertCan(actor, 'incidents.manage');
  const window = await loadIncidentWindow(incidentId);
  const agentFilter = window.agentIds === null ? {} : { agentId: { in: window.agentIds } };
  const [grants, counts] = await Promise.all([
    db().grant.findMany({
      where: { ...agentFilter, agent: { archivedAt: null } },
      select: {
        id: true,
        agentId: true,
        toolId: true,
        agent: { select: { name: true } },
        tool: { select: { name: true } },
      },
      orderBy: [{ agent: { name: 'asc' } }, { tool: { name: 'asc' } }],
    }),
    db().action.groupBy({
      by: ['agentId', 'toolId'],
      where: { ...agentFilter, createdAt: { gte: window.start, lte: window.end } },
      _count: { _all: true },
    }),
  ]);
  const proposals = new Map(counts.map((c) => [`${c.agentId}:${c.toolId}`, c._count._all]));
  return grants.map((grant) => ({
    id: grant.id,
    agentId: grant.agentId,
    agentName: grant.agent.name,
    tool: grant.tool.name,
    proposals: proposals.get(`${grant.agentId}:${grant.toolId}`) ?? 0,
  }));
}
