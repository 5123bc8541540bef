import type { Switch } from '../generated/sqlite/client';
import type { Tx } from '../db/client';
import { GLOBAL_STOP_ID } from '../kill-switches/global-stop';
import type { ResolvedTarget } from './return-target';

export type ReturnPlan = {
  /** Engaged switches the return to normal releases. */
  switches: Switch[];
  /** Agents the incident paused that are still paused: resumed. */
  agentsToResume: { id: string; name: string; version: number }[];
  /** Agents the incident paused that another incident, not yet returned to normal, paused too: they stay paused. */
  heldByAnotherIncident: { id: string; name: string; incident: string }[];
  /** Keys the incident's containment revoked (revoked since it opened): never restored; new keys are issued deliberately. */
  revokedKeys: { agent: string; prefix: string; revokedAt: Date }[];
};

/**
 * What returning this target to normal would do now, read inside the caller's transaction (the approval reads it
 * again after its compare-and-set, so it acts on what holds then, not on what the page showed).
 */
export async function readReturnPlan(tx: Tx, target: ResolvedTarget): Promise<ReturnPlan> {
  if (!target.incidentId) {
    const stop = await tx.switch.findUnique({ where: { id: GLOBAL_STOP_ID } });
    return { switches: stop?.engaged ? [stop] : [], agentsToResume: [], heldByAnotherIncident: [], revokedKeys: [] };
  }
  const incident = await tx.incident.findUniqueOrThrow({
    where: { id: target.incidentId },
    select: { id: true, openedAt: true, containment: true, allAgents: true },
  });
  const switches = await tx.switch.findMany({
    where: { incidentId: incident.id, engagedKey: { not: null } },
    orderBy: { engagedAt: 'asc' },
  });
  const paused = await tx.incidentAgent.findMany({
    where: { incidentId: incident.id, pausedByIncident: true },
    select: { agentId: true },
  });
  const agents = await tx.agent.findMany({
    where: { id: { in: paused.map((row) => row.agentId) }, status: 'paused', archivedAt: null },
    select: { id: true, name: true, version: true },
    orderBy: { name: 'asc' },
  });
  const held = await heldElsewhere(
    tx,
    incident.id,
    agents.map((agent) => agent.id),
  );
  const revokedKeys = containmentOf(incident.containment).includes('revoke-keys')
    ? await keysRevokedSince(tx, incident)
    : [];
  return {
    switches,
    agentsToResume: agents.filter((agent) => !held.has(agent.id)),
    heldByAnotherIncident: agents
      .filter((agent) => held.has(agent.id))
      .map((agent) => ({ id: agent.id, name: agent.name, incident: held.get(agent.id)! })),
    revokedKeys,
  };
}

/** Agent id → title of another incident that paused it and has not returned to normal (no approved request). */
async function heldElsewhere(tx: Tx, incidentId: string, agentIds: string[]): Promise<Map<string, string>> {
  if (agentIds.length === 0) return new Map();
  const others = await tx.incidentAgent.findMany({
    where: { agentId: { in: agentIds }, pausedByIncident: true, incidentId: { not: incidentId } },
    select: { agentId: true, incident: { select: { id: true, title: true } } },
  });
  if (others.length === 0) return new Map();
  const returned = await tx.returnToNormalRequest.findMany({
    where: { incidentId: { in: others.map((row) => row.incident.id) }, status: 'approved' },
    select: { incidentId: true },
  });
  const done = new Set(returned.map((row) => row.incidentId));
  return new Map(others.filter((row) => !done.has(row.incident.id)).map((row) => [row.agentId, row.incident.title]));
}

async function keysRevokedSince(tx: Tx, incident: { id: string; openedAt: Date; allAgents: boolean }) {
  const named = incident.allAgents
    ? null
    : (await tx.incidentAgent.findMany({ where: { incidentId: incident.id }, select: { agentId: true } })).map(
        (row) => row.agentId,
      );
  const keys = await tx.agentKey.findMany({
    where: { revokedAt: { gte: incident.openedAt }, ...(named ? { agentId: { in: named } } : {}) },
    select: { prefix: true, revokedAt: true, agent: { select: { name: true } } },
    orderBy: { revokedAt: 'asc' },
  });
  return keys.map((key) => ({ agent: key.agent.name, prefix: key.prefix, revokedAt: key.revokedAt! }));
}

function containmentOf(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
