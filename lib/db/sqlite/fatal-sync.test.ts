import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useSqliteTestDatabase } from '../sqlite-test-database';

/**
 * A WAL the group commit cannot sync is fatal: the batch's callers are refused (their commit is not known to be on
 * disk), the failure goes to the listeners the server's entry point registers (instrumentation.ts stops the process),
 * and the engine refuses every later call. Nothing in lib/ exits the process: the test process goes on.
 */
describe('a WAL fsync that fails', () => {
  const database = useSqliteTestDatabase('warden-fatal-sync-');

  it('refuses the batch, reports the failure once through the hook, and poisons the engine', async () => {
    const fatal: Error[] = [];
    const stopListening = database.clientModule.onFatalDatabaseFailure((error) => fatal.push(error));
    try {
      const wal = `${database.file}-wal`;
      // The group commit opens the WAL file for its first sync; gone by then, the sync cannot happen.
      const outcome = await database.runner
        .inTransaction(async (r) => {
          rmSync(wal);
          return r.execute(
            database.runner
              .sql`INSERT INTO "Switch" ("id", "engaged", "changedAt") VALUES (${'unsynced'}, ${false}, ${new Date()})`,
          );
        })
        .then(
          () => 'answered as durable',
          (error: Error) => error.message,
        );
      expect(outcome).toMatch(/could not be synced/);
      expect(fatal.map((error) => error.message)).toEqual([expect.stringMatching(/could not be synced/)]);
      await expect(database.runner.inTransaction(async () => 'later')).rejects.toThrow(/could not be synced/);
      await expect(database.runner.commitWrites([])).rejects.toThrow(/could not be synced/);
    } finally {
      stopListening();
    }
  });
});

/** The same holds for Prisma's commits (the console's writes), which the adapter syncs on the same WAL. */
describe('a WAL fsync that fails after a Prisma commit', () => {
  const database = useSqliteTestDatabase('warden-fatal-prisma-sync-');

  it('fails the transaction, reports the failure through the hook, and refuses every later statement', async () => {
    const fatal: Error[] = [];
    const stopListening = database.clientModule.onFatalDatabaseFailure((error) => fatal.push(error));
    try {
      const outcome = await database.client
        .$transaction(async (tx) => {
          rmSync(`${database.file}-wal`); // before the WAL's first sync: the sync cannot open it
          return tx.switch.create({ data: { id: 'unsynced-console-write', engaged: false } });
        })
        .then(
          () => 'answered as durable',
          (error: Error) => error.message,
        );
      expect(outcome).toMatch(/could not be synced/);
      expect(fatal.map((error) => error.message)).toEqual([expect.stringMatching(/could not be synced/)]);
      await expect(database.client.switch.count()).rejects.toThrow(/could not be synced/);
      await expect(database.runner.inTransaction(async () => 'later')).rejects.toThrow(/could not be synced/);
    } finally {
      stopListening();
    }
  });
});
