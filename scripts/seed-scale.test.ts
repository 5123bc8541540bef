import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { riskColumnsOfStored } from '@/lib/review/risk-columns';
import { validateParams } from '@/lib/tools/validate-params';
import { SCALE_REVIEWER_EMAIL } from './scale/workspace';

/**
 * `npm run seed:scale` at a small scale (200 pending actions, 2,000 audit events), read back through the app's own
 * client and queue functions: the counts asked for, ids that follow createdAt, the risk columns the app computes,
 * pending actions as the gate and reviewers leave them, and rows the app reads (and writes) alike. On a fresh SQLite
 * file under data/test/, and on PostgreSQL when WARDEN_SCALE_TEST_POSTGRES_URL names a database it may wipe.
 */
const root = path.resolve(__dirname, '..');
const PENDING = 200;
const AUDIT = 2000;

function runSeed(url: string, ...args: string[]) {
  return spawnSync(
    path.join(root, 'node_modules/.bin/tsx'),
    ['scripts/seed-scale.ts', '--pending', String(PENDING), '--audit', String(AUDIT), ...args],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    },
  );
}

mkdirSync(path.join(root, 'data/test'), { recursive: true });
const dir = mkdtempSync(path.join(root, 'data/test', 'seed-scale-'));
const postgresUrl = process.env.WARDEN_SCALE_TEST_POSTGRES_URL;
if (!postgresUrl)
  console.warn('[seed-scale.test] WARDEN_SCALE_TEST_POSTGRES_URL is not set: the seed is tested on SQLite only');
const engines = [
  { name: 'SQLite', url: `file:${path.join(dir, 'scale.db')}` },
  ...(postgresUrl ? [{ name: 'PostgreSQL', url: postgresUrl }] : []),
];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(engines)('seed:scale on $name', ({ name, url }) => {
  let client: typeof import('@/lib/db/client');

  beforeAll(async () => {
    // The PostgreSQL database may hold an earlier run's set; the SQLite file is new.
    const seeded = runSeed(url, ...(name === 'PostgreSQL' ? ['--force'] : []));
    expect(seeded.status, seeded.stderr).toBe(0);
    process.env.DATABASE_URL = url;
    vi.resetModules();
    client = await import('@/lib/db/client');
  }, 120_000);
  afterAll(async () => {
    await client?.disconnectDb();
  });

  it('holds exactly the pending actions and audit events asked for, and refuses to seed over them', async () => {
    const db = client.db();
    expect(await db.action.count({ where: { status: 'pending_review' } })).toBe(PENDING);
    expect(await db.auditEvent.count()).toBe(AUDIT);
    expect(await db.action.count({ where: { status: { not: 'pending_review' } } })).toBeGreaterThan(PENDING);

    const again = runSeed(url);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('the database is not empty');
    expect(await db.auditEvent.count()).toBe(AUDIT);
  }, 60_000);

  it('gives each action a UUIDv7 id carrying its createdAt, and numbers audit events in time order', async () => {
    const db = client.db();
    const actions = await db.action.findMany({ orderBy: { id: 'asc' }, select: { id: true, createdAt: true } });
    for (const [index, action] of actions.entries()) {
      expect(action.id[14]).toBe('7');
      expect(parseInt(action.id.replace(/-/g, '').slice(0, 12), 16)).toBe(action.createdAt.getTime());
      if (index > 0) expect(action.createdAt.getTime()).toBeGreaterThanOrEqual(actions[index - 1].createdAt.getTime());
    }
    const events = await db.auditEvent.findMany({
      orderBy: { seq: 'asc' },
      select: { at: true, action: { select: { createdAt: true } } },
    });
    for (const [index, event] of events.entries()) {
      if (index > 0) expect(event.at.getTime()).toBeGreaterThanOrEqual(events[index - 1].at.getTime());
      if (event.action) expect(event.at.getTime()).toBeGreaterThanOrEqual(event.action.createdAt.getTime());
      expect(event.at.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it('stores the risk columns the app computes for each action', async () => {
    const actions = await client.db().action.findMany({ include: { tool: { select: { actionLevel: true } } } });
    const flagged = actions.filter((action) => action.riskMask !== 0);
    expect(flagged.length).toBeGreaterThan(0);
    for (const action of actions) {
      const expected = riskColumnsOfStored(
        action,
        action.tool?.actionLevel,
        JSON.parse(action.editedParams ?? action.params),
      );
      expect({
        riskFlags: action.riskFlags,
        riskMask: action.riskMask,
        riskWeight: action.riskWeight,
        riskVersion: action.riskVersion,
      }).toEqual(expected);
    }
  });

  it("leaves pending actions as the gate and reviewers would: inside their deadline, their grant's groups, short of the quorum", async () => {
    const pending = await client.db().action.findMany({
      where: { status: 'pending_review' },
      include: {
        tool: { select: { parameters: true } },
        approvals: true,
        agent: { select: { grants: { select: { toolId: true, requiredGroups: true, reviewGroupId: true } } } },
      },
    });
    const now = Date.now();
    expect(pending.some((action) => action.approvals.length > 0)).toBe(true);
    expect(pending.some((action) => action.requiredGroups !== '[]')).toBe(true);
    for (const action of pending) {
      const grant = action.agent.grants.find((g) => g.toolId === action.toolId)!;
      expect(action.expiresAt!.getTime()).toBeGreaterThan(now);
      expect(action.requiredGroups).toBe(grant.requiredGroups);
      expect(validateParams(action.tool!.parameters, JSON.parse(action.params))).toEqual([]);
      expect(action.approvals.length).toBeLessThan(
        Math.max(action.approvalsRequired, JSON.parse(action.requiredGroups).length, 1),
      );
      expect(action.approvedParamsHash).toBeNull();
    }
  });

  it("is read by the app's queue like its own rows, and written alike", async () => {
    const db = client.db();
    const user = await db.user.findUniqueOrThrow({ where: { email: SCALE_REVIEWER_EMAIL } });
    const reviewer: Actor = { type: 'user', id: user.id, email: user.email, name: user.name, roles: ['reviewer'] };
    const { listPendingActions } = await import('@/lib/actions/list-pending-actions');
    const { countPendingFacets } = await import('@/lib/actions/count-pending-facets');
    const newest = await db.action.findFirstOrThrow({ where: { status: 'pending_review' }, orderBy: { id: 'desc' } });

    const page = await listPendingActions(reviewer, { filter: {}, sort: 'newest', limit: 50 });
    expect(page.rows).toHaveLength(50);
    expect(page.rows[0]).toMatchObject({
      id: newest.id,
      createdAt: newest.createdAt.toISOString(),
      riskWeight: newest.riskWeight,
    });
    expect((await countPendingFacets(reviewer, {})).total).toBe(PENDING);

    // A proposal through the app's own gate, stored beside the seeded rows: the same encodings column by column.
    const agent = await db.agent.findUniqueOrThrow({ where: { name: 'billing-agent' } });
    const { proposeAction } = await import('@/lib/gate/propose-action');
    const { id } = await proposeAction(
      { type: 'agent', id: agent.id, name: agent.name, keyId: 'test' },
      {
        tool: 'refund.issue',
        params: { orderId: 'ORD-1', amount: 12, currency: 'EUR' },
        reason: 'Charged twice.',
        sources: [],
      },
    );
    if (name === 'SQLite') {
      const shapes = await db.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT typeof("createdAt") AS c, typeof("expiresAt") AS e, typeof("requesterVerified") AS v, typeof("riskMask") AS m,
           length("createdAt") AS cl, substr("createdAt", 24) AS zone FROM "Action" WHERE "id" IN (?, ?)`,
        id,
        newest.id,
      );
      expect(shapes).toHaveLength(2);
      expect(shapes[0]).toEqual(shapes[1]);
    }
    const mine = await db.action.findUniqueOrThrow({ where: { id } });
    expect(mine.id > newest.id).toBe(true);
    expect(typeof mine.requesterVerified).toBe(typeof newest.requesterVerified);
  }, 30_000);
});
