import { assertCan, type Actor } from '../auth/actor';
import { payloadFields, readAuditPayload, recordedPayload } from '../audit/read-audit-payload';
import { db } from '../db/client';
import { loadIncidentScope } from '../incidents/incident-scope';
import { parseContainment } from '../incidents/get-incident';

export type IncidentRecord = Awaited<ReturnType<typeof collectIncidentRecord>>;

/**
 * What an incident's evidence bundle says about the incident itself (incident.json): the record, its agents, its
 * containment switches, the responders' notes and marks, and the incident's own audit events (opened, notes, fallback,
 * closed, return to normal, its switches') — those carry no agent, so the window's audit.jsonl would miss them. Reads only.
 */
export async function collectIncidentRecord(actor: Actor, incidentId: string) {
  assertCan(actor, 'incidents.manage');
  const scope = await loadIncidentScope(db(), incidentId);
  const incident = await db().incident.findUniqueOrThrow({
    where: { id: incidentId },
    include: {
      agents: true,
      notes: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      marks: { orderBy: { actionId: 'asc' } },
    },
  });
  const switches = await db().switch.findMany({
    where: { incidentId },
    orderBy: [{ engagedAt: 'asc' }, { id: 'asc' }],
  });
  const agentIds = incident.agents.map((a) => a.agentId);
  const agentNames = new Map(
    (await db().agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true } })).map((a) => [
      a.id,
      a.name,
    ]),
  );
  const userIds = [
    incident.openedById,
    incident.closedById,
    ...incident.notes.map((n) => n.authorId),
    ...incident.marks.map((m) => m.markedById),
  ].filter((id): id is string => !!id);
  const users = new Map(
    (await db().user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, email: true } })).map(
      (u) => [u.id, u.email],
    ),
  );
  const who = (id: string | null) => (id ? (users.get(id) ?? id) : 'cli');

  const switchIds = new Set(switches.map((s) => s.id));
  const candidates = await db().auditEvent.findMany({
    where: {
      OR: [
        { type: { startsWith: 'incident.' } },
        { type: { startsWith: 'return_to_normal.' } },
        { type: { startsWith: 'switch.' } },
      ],
      at: { gte: incident.openedAt },
    },
    orderBy: { seq: 'asc' },
  });
  const events = candidates.flatMap((event) => {
    const read = readAuditPayload(event.type, event.payload);
    // An unparsed payload (an older shape) still belongs here if it names the incident or one of its switches.
    const payload = read.unparsed ? fieldsOf(read.payload) : payloadFields(read);
    const ours =
      payload.incidentId === incidentId || (typeof payload.switchId === 'string' && switchIds.has(payload.switchId));
    return ours
      ? [
          {
            seq: event.seq,
            at: event.at.toISOString(),
            type: event.type,
            actorType: event.actorType,
            actorId: event.actorId,
            agentId: event.agentId,
            ...recordedPayload(read),
            chainIndex: event.chainIndex,
            hash: event.hash,
          },
        ]
      : [];
  });

  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    allAgents: scope.allAgents,
    agents: incident.agents.map((a) => ({
      id: a.agentId,
      name: agentNames.get(a.agentId) ?? a.agentId,
      pausedByIncident: a.pausedByIncident,
    })),
    windowStart: incident.windowStart.toISOString(),
    windowEnd: incident.windowEnd?.toISOString() ?? null,
    containment: parseContainment(incident.containment),
    manualFallback: incident.manualFallback,
    openedBy: who(incident.openedById),
    openedAt: incident.openedAt.toISOString(),
    closedBy: incident.status === 'closed' ? who(incident.closedById) : null,
    closedAt: incident.closedAt?.toISOString() ?? null,
    resolution: incident.resolution,
    switches: switches.map((s) => ({
      id: s.id,
      scope: s.scope,
      effect: s.effect,
      agentId: s.agentId,
      toolName: s.toolName,
      engaged: s.engaged,
      reason: s.reason,
      engagedAt: s.engagedAt?.toISOString() ?? null,
      releasedAt: s.releasedAt?.toISOString() ?? null,
      releaseReason: s.releaseReason,
    })),
    notes: incident.notes.map((n) => ({
      id: n.id,
      author: who(n.authorId),
      body: n.body,
      createdAt: n.createdAt.toISOString(),
    })),
    marks: incident.marks.map((m) => ({
      actionId: m.actionId,
      mark: m.mark,
      note: m.note,
      markedBy: who(m.markedById),
      markedAt: m.markedAt.toISOString(),
    })),
    events,
  };
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
