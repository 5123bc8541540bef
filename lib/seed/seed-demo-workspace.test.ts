import { describe, expect, it } from 'vitest';
import { useSqliteTestDatabase } from '../db/sqlite-test-database';

// The demo workspace is what a new user sees first: seeded through the domain functions, it must keep working as
// those functions change (a refused step would leave `npm start` with a half-filled console).
describe('seedDemoWorkspace', () => {
  const database = useSqliteTestDatabase('warden-demo-seed-');

  it('fills an empty database once: accounts, agents, a decided history, a rollback that ran, incidents closed and open', async () => {
    const { seedDemoWorkspace } = await import('./seed-demo-workspace');
    const seeded = await seedDemoWorkspace();
    expect(seeded?.accounts.map((a) => a.role)).toEqual(['admin', 'owner', 'reviewer', 'reviewer']);
    const db = database.client;

    expect((await db.tool.findUniqueOrThrow({ where: { name: 'refund.issue' } })).rollbackToolName).toBe(
      'refund.cancel',
    );
    const statuses = (await db.action.findMany({ where: { rollbackOfId: null }, select: { status: true } }))
      .map((a) => a.status)
      .sort();
    expect(statuses).toEqual(expect.arrayContaining(['pending_review', 'rejected', 'succeeded', 'draft']));

    // The refund that ran was compensated through the agent's ordinary claim → result path.
    const compensation = await db.action.findFirstOrThrow({ where: { rollbackOfId: { not: null } } });
    expect(compensation).toMatchObject({ toolName: 'refund.cancel', status: 'succeeded' });
    expect(JSON.parse(compensation.params)).toEqual({ refundId: 're_demo_1', orderId: 'ORD-10398' });

    // The workbench is populated: a closed incident with its rollback marked, an open one contained by review-all.
    const incidents = await db.incident.findMany({
      orderBy: { openedAt: 'asc' },
      include: { marks: true, notes: true },
    });
    expect(incidents.map((i) => i.status)).toEqual(['closed', 'open']);
    expect(incidents[0].marks.map((m) => m.mark).sort()).toEqual(['rolled_back', 'verified_fine']);
    expect(incidents[0].resolution).toBeTruthy();
    expect(incidents[1].manualFallback).toContain('review');
    expect(
      await db.switch.findMany({ where: { incidentId: incidents[1].id, engagedKey: { not: null } } }),
    ).toMatchObject([{ effect: 'review-all', scope: 'agent' }]);

    // A second call changes nothing.
    const users = await db.user.count();
    expect(await seedDemoWorkspace()).toBeNull();
    expect(await db.user.count()).toBe(users);
  });
});
