import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from './client';

/**
 * The gate's group commit on a real SQLite file, through the app's own client: jobs that arrive together share one
 * commit, a failing job rolls back alone, and the connection is back at synchronous=FULL for everyone else after.
 */
describe('group commit on SQLite (inTransaction)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'warden-group-commit-'));
  let client: Db;
  let runner: typeof import('./sql-runner');
  let disconnect: () => Promise<void>;

  beforeAll(async () => {
    process.env.DATABASE_URL = `file:${path.join(dir, 'gate.db')}`;
    vi.resetModules();
    const { migrateDatabase } = await import('./migrate');
    await migrateDatabase();
    const clientModule = await import('./client');
    client = clientModule.db();
    disconnect = clientModule.disconnectDb;
    runner = await import('./sql-runner');
  });
  afterAll(async () => {
    await disconnect?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const insertSwitch = (id: string) => (r: import('./sql-runner').SqlRunner) =>
    r.execute(runner.sql`INSERT INTO "Switch" ("id", "engaged", "changedAt") VALUES (${id}, ${false}, ${new Date()})`);

  it('commits jobs that arrive together, rolls back only the one that fails, and restores synchronous=FULL', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `group-${i}`);
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        runner.inTransaction(async (r) => {
          await insertSwitch(id)(r);
          if (i === 5) throw new Error('job 5 fails after writing');
          return id;
        }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(ids.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
    const stored = await client.switch.findMany({ where: { id: { startsWith: 'group-' } }, orderBy: { id: 'asc' } });
    expect(stored.map((row) => row.id).sort()).toEqual(ids.filter((_, i) => i !== 5).sort());
    const [sync] = await client.$queryRawUnsafe<{ synchronous: bigint | number }[]>('PRAGMA synchronous');
    expect(Number(sync.synchronous), 'Prisma transactions after a batch must commit at FULL').toBe(2);
  });

  it('lets a Prisma transaction and gate jobs alternate without mixing their writes', async () => {
    const [, prismaRow] = await Promise.all([
      runner.inTransaction(insertSwitch('mixed-gate')),
      client.$transaction((tx) => tx.switch.create({ data: { id: 'mixed-prisma', engaged: true } })),
    ]);
    expect(prismaRow.engaged).toBe(true);
    expect((await client.switch.findMany({ where: { id: { startsWith: 'mixed-' } } })).map((row) => row.id).sort()).toEqual(['mixed-gate', 'mixed-prisma']);
  });

  it('keeps a Prisma write issued while a batch waits on I/O out of that batch (it survives the job rolling back)', async () => {
    let markStarted = () => {};
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const failing = runner.inTransaction(async (r) => {
      await insertSwitch('rolled-back')(r);
      markStarted();
      await new Promise((resolve) => setTimeout(resolve, 50)); // real I/O mid-transaction, like a WebCrypto check
      throw new Error('the job fails after its I/O');
    });
    await started;
    await client.switch.create({ data: { id: 'outside-write', engaged: true } });
    await expect(failing).rejects.toThrow('the job fails after its I/O');
    expect((await client.switch.findMany({ where: { id: { in: ['rolled-back', 'outside-write'] } } })).map((row) => row.id)).toEqual(['outside-write']);
  });

  it('checkpoints from a worker thread: the server connection never does, yet the database file takes the writes', async () => {
    const [auto] = await client.$queryRawUnsafe<{ wal_autocheckpoint: bigint | number }[]>('PRAGMA wal_autocheckpoint');
    expect(Number(auto.wal_autocheckpoint)).toBe(0);
    const file = path.join(dir, 'gate.db');
    const before = statSync(file).size;
    const filler = 'x'.repeat(2000);
    await Promise.all(Array.from({ length: 400 }, (_, i) => runner.inTransaction(insertSwitch(`fill-${i}-${filler}`))));
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a few of the worker's checkpoint intervals
    expect(statSync(file).size, 'only a checkpoint moves pages from the WAL into the database file').toBeGreaterThan(before + 400 * 2000);
  });
});
