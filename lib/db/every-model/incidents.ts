import { expect } from 'vitest';
import type { EveryModelContext } from './context';

/** Incidents (lib/incidents/) and the return to normal (lib/return-to-normal/). */
export async function exerciseIncidents({
  client,
  suffix,
  at,
  user,
  agent,
  action,
}: EveryModelContext): Promise<string[]> {
  const incident = {
    id: `inc-${suffix}`,
    title: 'Refund loop',
    severity: 'high',
    allAgents: false,
    windowStart: at,
    windowEnd: null,
    status: 'open',
    manualFallback: 'Refund by hand',
    containment: '["pause"]',
    openedById: user.id,
    openedAt: at,
    closedById: null,
    closedAt: null,
    resolution: null,
    version: 1,
  };
  await client.incident.create({ data: incident });
  await client.incidentAgent.create({ data: { incidentId: incident.id, agentId: agent.id, pausedByIncident: true } });
  await client.incidentNote.create({
    data: { id: `note-${suffix}`, incidentId: incident.id, authorId: user.id, body: 'Looking', createdAt: at },
  });
  await client.incidentMark.create({
    data: {
      incidentId: incident.id,
      actionId: action.id,
      mark: 'needs_follow_up',
      note: 'check',
      markedById: user.id,
      markedAt: at,
    },
  });
  const request = {
    id: `rtn-${suffix}`,
    incidentId: incident.id,
    switchId: null,
    reason: 'fixed',
    requestedById: user.id,
    requestedAt: at,
    expiresAt: at,
    status: 'pending',
    decidedById: null,
    decidedAt: null,
    decisionNote: null,
    singleAdmin: false,
  };
  await client.returnToNormalRequest.create({ data: request });
  expect(
    await client.incident.findUniqueOrThrow({
      where: { id: incident.id },
      include: { agents: true, notes: true, marks: true },
    }),
  ).toMatchObject({
    ...incident,
    agents: [{ agentId: agent.id, pausedByIncident: true }],
    notes: [{ body: 'Looking' }],
    marks: [{ mark: 'needs_follow_up', note: 'check' }],
  });
  expect(await client.returnToNormalRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject(request);
  return ['Incident', 'IncidentAgent', 'IncidentNote', 'IncidentMark', 'ReturnToNormalRequest'];
}
