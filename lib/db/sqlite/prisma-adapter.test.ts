import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useSqliteTestDatabase } from '../sqlite-test-database';

/**
 * Prisma's transactions on SQLite take the write lock as they begin (as BEGIN IMMEDIATE would), through the adapter's
 * public interface: a transaction that reads and then writes cannot be invalidated by another process's commit in
 * between (SQLITE_BUSY_SNAPSHOT); the other writer waits for it instead.
 */
describe('Prisma transactions on SQLite', () => {
  const database = useSqliteTestDatabase('warden-prisma-adapter-');

  it('hold the write lock from their start, and release it when they end', async () => {
    // A short busy timeout: long enough for the moments when SQLite's other connections (the checkpointer) hold a lock
    // in passing, far shorter than the open transaction, which holds the write lock until it ends.
    const other = new Database(database.file, { timeout: 250 });
    try {
      const tryWrite = () => {
        try {
          other
            .prepare(`INSERT INTO "Switch" ("id", "engaged", "changedAt") VALUES (?, 0, ?)`)
            .run(`other-${Math.random()}`, new Date().toISOString());
          return 'written';
        } catch (error) {
          return (error as { code?: string }).code;
        }
      };
      const during = await database.client.$transaction(async (tx) => {
        await tx.switch.count(); // reads first, as the domain functions do
        return tryWrite();
      });
      expect(during, 'another connection cannot write while the transaction is open').toBe('SQLITE_BUSY');
      expect(tryWrite(), 'nor is the lock kept after it').toBe('written');
      await expect(
        database.client.$transaction(async (tx) => {
          await tx.switch.count();
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(tryWrite(), 'a rolled-back transaction releases it too').toBe('written');
    } finally {
      other.close();
    }
  });
});
