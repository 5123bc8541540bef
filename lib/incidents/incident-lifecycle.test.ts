// Notes, the fallback and the close on a real, migrated SQLite file: compare-and-set on open and version, closed terminal.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { useSqliteTestDatabase } from '../db/sqlite-test-database';

const admin: Actor = { type: 'user', id: 'u-admin', email: 'ada@example.test', name: 'Ada Admin', roles: ['admin'] };
const owner: Actor = { type: 'user', id: 'u-own', email: 'olga@example.test', name: 'Olga', roles: ['owner'] };
const reviewer: Actor = { type: 'user', id: 'u-rev', email: 'rex@example.test', name: 'Rex', roles: ['reviewer'] };

describe('an incident from open to closed', () => {
  const database = useSqliteTestDatabase('warden-incident-lifecycle-');

  it('takes notes and a fallback while open, closes once with a resolution, then refuses every change', async () => {
    const db = database.client;
    await db.user.createMany({
      data: [
        { id: 'u-admin', email: 'ada@example.test', name: 'Ada Admin', roles: 'admin', passwordHash: 'x' },
        { id: 'u-own', email: 'olga@example.test', name: 'Olga', roles: 'owner', passwordHash: 'x' },
      ],
    });
    await db.agent.createMany({
      data: [
        { id: 'a1', name: 'refund-bot', purpose: 'p', ownerId: 'u-own' },
        { id: 'a2', name: 'mail-bot', purpose: 'p', ownerId: 'u-own' },
      ],
    });
    const { openIncident } = await import('./open-incident');
    const { addIncidentNote } = await import('./add-incident-note');
    const { setIncidentFallback } = await import('./set-incident-fallback');
    const { closeIncident } = await import('./close-incident');
    const { getIncident } = await import('./get-incident');
    const { listIncidents } = await import('./list-incidents');
    const { listIncidentNotes } = await import('./list-incident-notes');
    const { listAgentIncidentFallbacks } = await import('./list-agent-incident-fallbacks');

    const { id } = await openIncident(admin, {
      title: 'Odd refunds',
      agents: ['a1'],
      windowStart: new Date(Date.now() - 3600_000),
    });
    await addIncidentNote(admin, { id, body: 'Looking at refunds since 14:00.' });
    const loaded = await getIncident(admin, id);
    expect(loaded).toMatchObject({
      status: 'open',
      version: 2,
      openedBy: 'Ada Admin',
      agents: [{ id: 'a1', name: 'refund-bot', pausedByIncident: false }],
    });

    expect(
      await setIncidentFallback(admin, { id, manualFallback: 'Refund by hand in billing.', version: loaded.version }),
    ).toEqual({ changed: true });
    expect(await setIncidentFallback(admin, { id, manualFallback: 'Refund by hand in billing.' })).toEqual({
      changed: false,
    });
    await expect(setIncidentFallback(admin, { id, manualFallback: 'stale', version: loaded.version })).rejects.toThrow(
      'changed since you loaded it',
    );

    // The agent's page and cards show it to every reader; only admins get a link; other agents are untouched.
    expect(await listAgentIncidentFallbacks(reviewer, 'a1')).toEqual([
      {
        incidentId: id,
        title: 'Odd refunds',
        severity: 'high',
        manualFallback: 'Refund by hand in billing.',
        viewerCanOpen: false,
      },
    ]);
    expect(await listAgentIncidentFallbacks(reviewer, 'a2')).toEqual([]);

    await expect(closeIncident(admin, { id, resolution: '   ' })).rejects.toMatchObject({
      issues: [{ path: ['resolution'] }],
    });
    await expect(closeIncident(admin, { id, resolution: 'fine', version: loaded.version })).rejects.toThrow(
      'changed since you loaded it',
    );
    await expect(closeIncident(owner, { id, resolution: 'fine' })).rejects.toThrow('incidents.manage');
    const { closedAt } = await closeIncident(admin, { id, resolution: 'A bad grant; tightened.', version: 3 });
    const closed = await getIncident(admin, id);
    expect(closed).toMatchObject({
      status: 'closed',
      resolution: 'A bad grant; tightened.',
      closedBy: 'Ada Admin',
      windowEnd: closedAt.toISOString(),
      version: 4,
    });

    await expect(closeIncident(admin, { id, resolution: 'again' })).rejects.toThrow('This incident is closed');
    await expect(addIncidentNote(admin, { id, body: 'late' })).rejects.toThrow('This incident is closed');
    await expect(setIncidentFallback(admin, { id, manualFallback: 'late' })).rejects.toThrow('This incident is closed');
    await expect(addIncidentNote(admin, { id: 'nope', body: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listAgentIncidentFallbacks(reviewer, 'a1')).toEqual([]);

    expect((await listIncidentNotes(admin, id)).map((n) => [n.author, n.body])).toEqual([
      ['Ada Admin (ada@example.test)', 'Looking at refunds since 14:00.'],
    ]);
    expect((await listIncidents(admin)).map((i) => [i.title, i.status, i.agents])).toEqual([
      ['Odd refunds', 'closed', ['refund-bot']],
    ]);
    const types = (
      await db.auditEvent.findMany({ where: { type: { startsWith: 'incident.' } }, orderBy: { seq: 'asc' } })
    ).map((e) => e.type);
    expect(types).toEqual(['incident.opened', 'incident.note_added', 'incident.fallback_set', 'incident.closed']);
  });
});
