import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useSqliteTestDatabase } from './sqlite-test-database';

/**
 * The gate's group commit on a real SQLite file, through the app's own client: jobs that arrive together share one
 * commit, and a failing job rolls back alone.
 */
describe('group commit on SQLite (inTransaction)', () => {
  const database = useSqliteTestDatabase('warden-group-commit-');

  const insertSwitch = (id: string) => (r: import('./sql-runner').SqlRunner) =>
    r.execute(
      database.runner.sql`INSERT INTO "Switch" ("id", "engaged", "changedAt") VALUES (${id}, ${false}, ${new Date()})`,
    );

  it('commits jobs that arrive together, and rolls back only the one that fails', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `group-${i}`);
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        database.runner.inTransaction(async (r) => {
          await insertSwitch(id)(r);
          if (i === 5) throw new Error('job 5 fails after writing');
          return id;
        }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(ids.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
    const stored = await database.client.switch.findMany({
      where: { id: { startsWith: 'group-' } },
      orderBy: { id: 'asc' },
    });
    expect(stored.map((row) => row.id).sort()).toEqual(ids.filter((_, i) => i !== 5).sort());
  });

  it('lets a Prisma transaction and gate jobs alternate without mixing their writes', async () => {
    const [, prismaRow] = await Promise.all([
      database.runner.inTransaction(insertSwitch('mixed-gate')),
      database.client.$transaction((tx) => tx.switch.create({ data: { id: 'mixed-prisma', engaged: true } })),
    ]);
    expect(prismaRow.engaged).toBe(true);
    expect(
      (await database.client.switch.findMany({ where: { id: { startsWith: 'mixed-' } } })).map((row) => row.id).sort(),
    ).toEqual(['mixed-gate', 'mixed-prisma']);
  });

  it('keeps a Prisma write issued while a batch waits on I/O out of that batch (it survives the job rolling back)', async () => {
    let markStarted = () => {};
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const failing = database.runner.inTransaction(async (r) => {
      await insertSwitch('rolled-back')(r);
      markStarted();
      await new Promise((resolve) => setTimeout(resolve, 50)); // real I/O mid-transaction, like a WebCrypto check
      throw new Error('the job fails after its I/O');
    });
    // Its rejection is expected from now on: it may come while the Prisma write below still waits for its sync.
    const failed = expect(failing).rejects.toThrow('the job fails after its I/O');
    await started;
    await database.client.switch.create({ data: { id: 'outside-write', engaged: true } });
    await failed;
    expect(
      (await database.client.switch.findMany({ where: { id: { in: ['rolled-back', 'outside-write'] } } })).map(
        (row) => row.id,
      ),
    ).toEqual(['outside-write']);
  });

  it('checkpoints from a worker thread: the server connection never does, yet the database file takes the writes', async () => {
    const [auto] =
      await database.client.$queryRawUnsafe<{ wal_autocheckpoint: bigint | number }[]>('PRAGMA wal_autocheckpoint');
    expect(Number(auto.wal_autocheckpoint)).toBe(0);
    const { file } = database;
    const before = statSync(file).size;
    const filler = 'x'.repeat(2000);
    await Promise.all(
      Array.from({ length: 400 }, (_, i) => database.runner.inTransaction(insertSwitch(`fill-${i}-${filler}`))),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a few of the worker's checkpoint intervals
    expect(statSync(file).size, 'only a checkpoint moves pages from the WAL into the database file').toBeGreaterThan(
      before + 400 * 2000,
    );
  });
});
