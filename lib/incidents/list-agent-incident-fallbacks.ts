import { assertCan, can, type Actor } from '../auth/actor';
import { db } from '../db/client';
import type { IncidentSeverity } from './schemas';

export type AgentIncidentFallback = {
  incidentId: string;
  title: string;
  severity: IncidentSeverity;
  manualFallback: string;
  /** Whether this viewer may open the incident's pages (admins); others read the fallback only. */
  viewerCanOpen: boolean;
};

/**
 * The open incidents covering an agent (named, or all agents), with their manual fallback, for the agent's page and
 * its actions' review cards: every role that reads agents sees what to do by hand; only the text an admin wrote.
 */
export async function listAgentIncidentFallbacks(actor: Actor, agentId: string): Promise<AgentIncidentFallback[]> {
  assertCan(actor, 'agents.read');
  const rows = await db().incident.findMany({
    where: { status: 'open', OR: [{ allAgents: true }, { agents: { some: { agentId } } }] },
    orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, severity: true, manualFallback: true },
    take: 20,
  });
  const viewerCanOpen = can(actor, 'incidents.manage');
  return rows.map((r) => ({
    incidentId: r.id,
    title: r.title,
    severity: r.severity as IncidentSeverity,
    manualFallback: r.manualFallback,
    viewerCanOpen,
  }));
}
