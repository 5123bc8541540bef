// openIncident on a real, migrated SQLite file through the app's own modules: the incident and its containment
// land together or not at all.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { useSqliteTestDatabase } from '../db/sqlite-test-database';

const admin: Actor = { type: 'user', id: 'u-admin', email: 'ada@example.test', name: 'Ada Admin', roles: ['admin'] };
const reviewer: Actor = {
  type: 'user',
  id: 'u-rev',
  email: 'rex@example.test',
  name: 'Rex Reviewer',
  roles: ['reviewer'],
};
const yesterday14 = new Date(Date.now() - 24 * 3600_000);

describe('openIncident', () => {
  const database = useSqliteTestDatabase('warden-open-incident-');
  const events = async (type: string) =>
    (await database.client.auditEvent.findMany({ where: { type }, orderBy: { seq: 'asc' } })).map((e) => ({
      agentId: e.agentId,
      payload: JSON.parse(e.payload) as Record<string, unknown>,
    }));

  async function seed() {
    const db = database.client;
    await db.user.createMany({
      data: [
        { id: 'u-admin', email: 'ada@example.test', name: 'Ada Admin', roles: 'admin', passwordHash: 'x' },
        { id: 'u-own', email: 'olga@example.test', name: 'Olga', roles: 'owner', passwordHash: 'x' },
      ],
    });
    await db.agent.createMany({
      data: [
        { id: 'a-refund', name: 'refund-bot', purpose: 'refunds', ownerId: 'u-own' },
        { id: 'a-mail', name: 'mail-bot', purpose: 'mail', ownerId: 'u-own' },
        { id: 'a-held', name: 'held-bot', purpose: 'already paused', ownerId: 'u-own', status: 'paused' },
        { id: 'a-old', name: 'old-bot', purpose: 'archived', ownerId: 'u-own', archivedAt: new Date() },
      ],
    });
    await db.agentKey.createMany({
      data: [
        { id: 'k1', agentId: 'a-refund', hash: 'h1', prefix: 'wk_1' },
        { id: 'k2', agentId: 'a-refund', hash: 'h2', prefix: 'wk_2', revokedAt: new Date(0) },
        { id: 'k3', agentId: 'a-mail', hash: 'h3', prefix: 'wk_3' },
      ],
    });
  }

  it('opens for one agent since a past time with pause, review-all and revoke-keys in one transaction', async () => {
    await seed();
    const { openIncident } = await import('./open-incident');
    const opened = await openIncident(admin, {
      title: 'Refunds to odd accounts',
      agents: ['refund-bot'],
      windowStart: yesterday14.toISOString(),
      containment: ['pause', 'review-all', 'revoke-keys'],
      manualFallback: 'Refund by hand in the billing console.',
    });
    const db = database.client;
    const incident = await db.incident.findUniqueOrThrow({ where: { id: opened.id }, include: { agents: true } });
    expect(incident).toMatchObject({
      status: 'open',
      severity: 'high',
      allAgents: false,
      windowEnd: null,
      openedById: 'u-admin',
      version: 1,
    });
    expect(incident.windowStart.toISOString()).toBe(yesterday14.toISOString());
    expect(JSON.parse(incident.containment)).toEqual(['pause', 'review-all', 'revoke-keys']);
    expect(incident.agents).toEqual([{ incidentId: opened.id, agentId: 'a-refund', pausedByIncident: true }]);
    expect((await db.agent.findUniqueOrThrow({ where: { id: 'a-refund' } })).status).toBe('paused');
    expect((await db.agent.findUniqueOrThrow({ where: { id: 'a-mail' } })).status).toBe('active');

    expect(opened.switchIds).toHaveLength(1);
    const sw = await db.switch.findUniqueOrThrow({ where: { id: opened.switchIds[0] } });
    expect(sw).toMatchObject({
      engaged: true,
      scope: 'agent',
      agentId: 'a-refund',
      effect: 'review-all',
      incidentId: opened.id,
      reason: 'Incident "Refunds to odd accounts"',
    });
    expect(
      (await db.agentKey.findMany({ where: { revokedAt: null }, orderBy: { id: 'asc' } })).map((k) => k.id),
    ).toEqual(['k3']);
    expect(opened).toMatchObject({ pausedAgents: ['refund-bot'], revokedKeys: 1 });

    expect(await events('agent.paused')).toEqual([
      { agentId: 'a-refund', payload: { reason: 'Incident "Refunds to odd accounts"' } },
    ]);
    expect(await events('switch.engaged')).toHaveLength(1);
    expect(await events('agent_key.revoked')).toEqual([
      { agentId: 'a-refund', payload: { keyId: 'k1', prefix: 'wk_1' } },
    ]);
    expect(await events('incident.opened')).toEqual([
      {
        agentId: null,
        payload: {
          incidentId: opened.id,
          title: 'Refunds to odd accounts',
          severity: 'high',
          allAgents: false,
          agents: ['refund-bot'],
          windowStart: yesterday14.toISOString(),
          containment: ['pause', 'review-all', 'revoke-keys'],
          switchIds: opened.switchIds,
          pausedAgents: ['refund-bot'],
          revokedKeys: 1,
        },
      },
    ]);
  });

  it('for all agents: one global-scope switch per effect; pauses only the agents that ran, remembering them', async () => {
    const { openIncident } = await import('./open-incident');
    const opened = await openIncident(admin, {
      title: 'Everything',
      severity: 'critical',
      allAgents: true,
      windowStart: yesterday14,
      containment: ['draft-only', 'pause'],
    });
    const db = database.client;
    const sw = await db.switch.findUniqueOrThrow({ where: { id: opened.switchIds[0] } });
    expect(sw).toMatchObject({ scope: 'global', agentId: null, effect: 'draft-only', incidentId: opened.id });
    // refund-bot was paused by the first incident and held-bot by a person: neither is this incident's to resume.
    expect(opened.pausedAgents).toEqual(['mail-bot']);
    expect(await db.incidentAgent.findMany({ where: { incidentId: opened.id } })).toEqual([
      { incidentId: opened.id, agentId: 'a-mail', pausedByIncident: true },
    ]);
  });

  it.each([
    [{ agents: ['ghost-bot'] }, 'No agent named "ghost-bot"'],
    [{ agents: ['old-bot'] }, 'archived'],
  ])('refuses %j and writes nothing, not even the containment before it', async (agents, message) => {
    const { openIncident } = await import('./open-incident');
    const db = database.client;
    const before = {
      incidents: await db.incident.count(),
      events: await db.auditEvent.count(),
      switches: await db.switch.count(),
    };
    await expect(
      openIncident(admin, { title: 't', ...agents, windowStart: yesterday14, containment: ['review-all'] }),
    ).rejects.toThrow(message);
    await expect(
      openIncident(admin, {
        title: 't',
        agents: ['mail-bot', ...agents.agents],
        windowStart: yesterday14,
        containment: ['pause', 'review-all'],
      }),
    ).rejects.toThrow(message);
    expect({
      incidents: await db.incident.count(),
      events: await db.auditEvent.count(),
      switches: await db.switch.count(),
    }).toEqual(before);
    expect((await db.agent.findUniqueOrThrow({ where: { id: 'a-mail' } })).status).toBe('paused');
  });

  it('refuses bad input naming the field, and anyone without incidents.manage', async () => {
    const { openIncident } = await import('./open-incident');
    const fields = async (input: object) => {
      try {
        await openIncident(admin, input as never);
      } catch (error) {
        return (error as { issues?: { path: PropertyKey[] }[] }).issues?.map((i) => i.path.join('.'));
      }
      throw new Error('accepted');
    };
    expect(await fields({ title: '', agents: ['mail-bot'], windowStart: yesterday14 })).toEqual(['title']);
    expect(await fields({ title: 't', windowStart: yesterday14 })).toEqual(['agents']);
    expect(await fields({ title: 't', agents: ['mail-bot'], allAgents: true, windowStart: yesterday14 })).toEqual([
      'agents',
    ]);
    expect(await fields({ title: 't', agents: ['mail-bot'], windowStart: '2026-12-05 14:00' })).toEqual([
      'windowStart',
    ]);
    expect(await fields({ title: 't', agents: ['mail-bot'], windowStart: new Date(Date.now() + 3600_000) })).toEqual([
      'windowStart',
    ]);
    expect(
      await fields({ title: 't', agents: ['mail-bot'], windowStart: yesterday14, containment: ['pause', 'pause'] }),
    ).toEqual(['containment']);
    expect(
      await fields({ title: 't', agents: ['mail-bot'], windowStart: yesterday14, containment: ['shrug'] }),
    ).toEqual(['containment.0']);
    await expect(
      openIncident(reviewer, { title: 't', agents: ['mail-bot'], windowStart: yesterday14 }),
    ).rejects.toThrow('incidents.manage');
  });
});
