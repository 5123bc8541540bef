import { readdirSync, readlinkSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SqlRunner } from './sql-runner';
import { useSqliteTestDatabase } from './sqlite-test-database';

/** Descriptors of this process (worker threads included) open on the file. */
function openDescriptors(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // closed while listing
    }
  }).length;
}

/**
 * The WAL file the group commit keeps open for its fsyncs is closed with its connection, and only once no batch
 * needs it: closing it under a sync in flight would fail that sync, which stops the server (a sync that fails cannot
 * be trusted, nor any commit after it).
 */
describe('the group commit’s WAL file when its connection closes', () => {
  const database = useSqliteTestDatabase('warden-wal-close-');
  const insertSwitch = (id: string) => (r: SqlRunner) =>
    r.execute(database.runner.sql`INSERT INTO "Switch" ("id", "engaged", "changedAt") VALUES (${id}, ${false}, ${new Date()})`);
  afterEach(() => vi.restoreAllMocks());

  it('is closed when Prisma reconnects, once the old connection is done with it', async () => {
    const wal = `${database.file}-wal`;
    await database.runner.inTransaction(insertSwitch('before-reconnect'));
    const old = await database.clientModule.sqliteConnection();
    expect(old?.walFd).toBeTypeOf('number');
    const before = openDescriptors(wal);

    await database.client.$disconnect();
    await database.client.$connect();
    await database.runner.inTransaction(insertSwitch('after-reconnect'));
    expect(await database.clientModule.sqliteConnection()).not.toBe(old);
    await vi.waitUntil(() => old?.walFd === undefined, { timeout: 5000 });
    expect(openDescriptors(wal), 'nothing of the old connection is left open').toBeLessThanOrEqual(before);
  });

  it('waits for the batch in flight and its fsync before it closes', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`process.exit(${code})`);
    }) as never);
    await database.runner.inTransaction(insertSwitch('opens-the-wal'));
    const connection = await database.clientModule.sqliteConnection();
    expect(connection?.walFd).toBeTypeOf('number');

    const slow = database.runner.inTransaction(async (r) => {
      await insertSwitch('in-flight')(r);
      await new Promise((resolve) => setTimeout(resolve, 50)); // the batch is open while the connection closes
      return 'committed';
    });
    await vi.waitUntil(() => connection?.batch !== null, { timeout: 5000 });
    const closing = database.clientModule.disconnectDb();

    await expect(slow).resolves.toBe('committed');
    await closing;
    expect(exit).not.toHaveBeenCalled();
    expect(connection?.walFd).toBeUndefined();
    expect(openDescriptors(`${database.file}-wal`)).toBe(0);
  });
});
