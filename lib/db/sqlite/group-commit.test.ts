import { readdirSync, readlinkSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { SqlRunner } from '../sql-runner';
import { useSqliteTestDatabase } from '../sqlite-test-database';
import type { SqliteEngine } from './index';

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
  const connection = () => (database.clientModule.engine() as SqliteEngine).connection();

  it('is closed when Prisma reconnects, once the old connection is done with it', async () => {
    const wal = `${database.file}-wal`;
    await database.runner.inTransaction(insertSwitch('before-reconnect'));
    const old = await connection();
    expect(old.groupCommit.holdsWalFile).toBe(true);
    const before = openDescriptors(wal);

    await database.client.$disconnect();
    await database.client.$connect();
    await database.runner.inTransaction(insertSwitch('after-reconnect'));
    expect(await connection()).not.toBe(old);
    await vi.waitUntil(() => !old.groupCommit.holdsWalFile, { timeout: 5000 });
    expect(openDescriptors(wal), 'nothing of the old connection is left open').toBeLessThanOrEqual(before);
  });

  it('refuses the jobs still queued on a connection Prisma replaced, rather than running them on the retired one', async () => {
    let markOpen = () => {};
    const batchOpen = new Promise<void>((resolve) => (markOpen = resolve));
    const first = database.runner.inTransaction(async (r) => {
      await insertSwitch('open-during-reconnect')(r);
      markOpen();
      await new Promise((resolve) => setTimeout(resolve, 50)); // the batch is open while Prisma reconnects
    });
    first.catch(() => undefined); // its connection closes under it: whether it failed is not what this test is about
    await batchOpen;
    const queued = database.runner.inTransaction(insertSwitch('queued-behind'));
    await database.client.$disconnect();
    await database.client.$connect();
    await expect(queued).rejects.toThrow(/connection was closed/);
    await first.catch(() => undefined);
    expect(await database.runner.inTransaction(insertSwitch('on-the-new-connection'))).toBe(1);
    expect((await database.client.switch.findMany({ where: { id: { in: ['queued-behind', 'on-the-new-connection'] } } })).map((row) => row.id)).toEqual(['on-the-new-connection']);
  });

  it('waits for the batch in flight and its fsync before it closes', async () => {
    const fatal: Error[] = [];
    const stopListening = database.clientModule.onFatalDatabaseFailure((error) => fatal.push(error));
    await database.runner.inTransaction(insertSwitch('opens-the-wal'));
    const open = await connection();
    expect(open.groupCommit.holdsWalFile).toBe(true);

    const slow = database.runner.inTransaction(async (r) => {
      await insertSwitch('in-flight')(r);
      await new Promise((resolve) => setTimeout(resolve, 50)); // the batch is open while the connection closes
      return 'committed';
    });
    await vi.waitUntil(() => open.groupCommit.batch !== null, { timeout: 5000 });
    const closing = database.clientModule.disconnectDb();

    await expect(slow).resolves.toBe('committed');
    await closing;
    stopListening();
    expect(fatal, 'no fsync failed (as it would, had the file been closed under it)').toEqual([]);
    expect(open.groupCommit.holdsWalFile).toBe(false);
    expect(openDescriptors(`${database.file}-wal`)).toBe(0);
  });
});
