import { readdirSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
 * The group commit's connection and queue are its own: Prisma reconnecting does not touch them, and once closed it
 * refuses what still waits and closes its WAL file only after the batch in flight has synced (closing it under a sync
 * would fail that sync, which is fatal: a sync that fails cannot be trusted, nor any commit after it).
 */
describe('the group commit’s connection, queue and WAL file', () => {
  const database = useSqliteTestDatabase('warden-wal-close-');
  const insertSwitch = (id: string) => (r: SqlRunner) =>
    r.execute(
      database.runner.sql`INSERT INTO "Switch" ("id", "engaged", "changedAt") VALUES (${id}, ${false}, ${new Date()})`,
    );
  const engine = () => database.clientModule.engine() as SqliteEngine;

  it('goes on while Prisma reconnects: a batch open meanwhile and the jobs queued behind it commit', async () => {
    await database.runner.inTransaction(insertSwitch('before-reconnect'));
    expect(engine().walSync.holdsFile).toBe(true);
    let markOpen = () => {};
    const batchOpen = new Promise<void>((resolve) => (markOpen = resolve));
    const first = database.runner.inTransaction(async (r) => {
      await insertSwitch('open-during-reconnect')(r);
      markOpen();
      await new Promise((resolve) => setTimeout(resolve, 50)); // the batch is open while Prisma reconnects
      return 'first';
    });
    await batchOpen;
    const queued = database.runner.inTransaction(insertSwitch('queued-behind'));
    await database.client.$disconnect();
    await database.client.$connect();
    await expect(first).resolves.toBe('first');
    await expect(queued).resolves.toBe(1);
    const ids = (
      await database.client.switch.findMany({ where: { id: { in: ['open-during-reconnect', 'queued-behind'] } } })
    ).map((row) => row.id);
    expect(ids.sort()).toEqual(['open-during-reconnect', 'queued-behind']);
  });

  it('on close, lets the batch in flight commit and sync, refuses the jobs queued behind it, then closes the WAL file', async () => {
    const fatal: Error[] = [];
    const stopListening = database.clientModule.onFatalDatabaseFailure((error) => fatal.push(error));
    await database.runner.inTransaction(insertSwitch('opens-the-wal'));
    const walSync = engine().walSync;
    expect(walSync.holdsFile).toBe(true);

    let markOpen = () => {};
    const batchOpen = new Promise<void>((resolve) => (markOpen = resolve));
    const slow = database.runner.inTransaction(async (r) => {
      await insertSwitch('in-flight')(r);
      markOpen();
      await new Promise((resolve) => setTimeout(resolve, 50)); // the batch is open while the engine closes
      return 'committed';
    });
    await batchOpen;
    const queued = database.runner.inTransaction(insertSwitch('queued-at-close')).then(
      () => 'committed',
      (error: Error) => error.message,
    );
    const closing = database.clientModule.disconnectDb();

    await expect(slow).resolves.toBe('committed');
    expect(await queued).toMatch(/closed/);
    await closing;
    stopListening();
    expect(fatal, 'no fsync failed (as it would, had the file been closed under it)').toEqual([]);
    expect(walSync.holdsFile).toBe(false);
    expect(openDescriptors(`${database.file}-wal`)).toBe(0);
  });
});
