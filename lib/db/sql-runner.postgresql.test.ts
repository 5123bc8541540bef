import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The gate's PostgreSQL transactions (pgTransaction in pg-transaction.ts, through sql-runner.ts) on a real server: the last statements travel
 * with COMMIT, and a failure among them keeps nothing of the transaction. A schema of its own, so the migration
 * tests (which wipe `public`) cannot interfere.
 */
const url = process.env.WARDEN_TEST_POSTGRES_URL;
const skipReason = 'WARDEN_TEST_POSTGRES_URL is not set: the PostgreSQL transaction runner is not tested';
if (!url) console.warn(`[sql-runner.postgresql.test] ${skipReason}`);

describe.skipIf(!url)(
  url ? 'PostgreSQL transactions (inTransaction, executeLast)' : `PostgreSQL transactions (skipped: ${skipReason})`,
  () => {
    let runner: typeof import('./sql-runner');
    let disconnect: () => Promise<void>;
    const admin = new pg.Client({ connectionString: url });
    const rows = async () =>
      (await admin.query<{ id: string }>('SELECT "id" FROM runner_test.item ORDER BY "id"')).rows.map((row) => row.id);

    beforeAll(async () => {
      await admin.connect();
      await admin.query(
        'DROP SCHEMA IF EXISTS runner_test CASCADE; CREATE SCHEMA runner_test; CREATE TABLE runner_test.item ("id" text PRIMARY KEY)',
      );
      process.env.DATABASE_URL = url;
      vi.resetModules();
      runner = await import('./sql-runner');
      disconnect = (await import('./client')).disconnectDb;
    });
    afterAll(async () => {
      await disconnect?.();
      await admin.query('DROP SCHEMA IF EXISTS runner_test CASCADE');
      await admin.end();
    });

    const insert = (id: string) => runner.sql`INSERT INTO runner_test.item ("id") VALUES (${id})`;

    it('commits the last statements with the transaction and reports their row counts', async () => {
      const counts = await runner.inTransaction(async (r) => {
        await r.execute(insert('a-first'));
        return r.executeLast([
          insert('a-second'),
          runner.sql`UPDATE runner_test.item SET "id" = "id" WHERE "id" LIKE 'a-%'`,
        ]);
      });
      expect(counts).toEqual([1, 2]);
      expect(await rows()).toEqual(['a-first', 'a-second']);
    });

    it('keeps nothing of the transaction when one of the last statements fails, and the connection serves on', async () => {
      await expect(
        runner.inTransaction(async (r) => {
          await r.execute(insert('b-first'));
          return r.executeLast([insert('b-second'), insert('a-first') /* duplicate key */]);
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await rows()).toEqual(['a-first', 'a-second']);
      // Every pooled connection is usable afterwards (none was left inside the aborted transaction).
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          runner.inTransaction((r) => r.executeLast([insert(`c-${String(i).padStart(2, '0')}`)])),
        ),
      );
      expect((await rows()).filter((id) => id.startsWith('c-'))).toHaveLength(12);
    });

    it('refuses statements after executeLast, and does not commit when the work swallowed a failed executeLast', async () => {
      await expect(
        runner.inTransaction(async (r) => {
          await r.executeLast([insert('d-first')]);
          await r.execute(insert('d-late'));
        }),
      ).rejects.toThrow(/executeLast must be its last statement/);
      expect(await rows()).toContain('d-first'); // committed before the late statement was refused
      expect(await rows()).not.toContain('d-late');

      await expect(
        runner.inTransaction(async (r) => {
          await r.executeLast([insert('a-first')]).catch(() => undefined);
          return 'pretends it went well';
        }),
      ).rejects.toThrow(/rolled back/);
    });

    it('commitWrites: callers of one moment share a transaction; one that fails fails alone, the others are kept', async () => {
      const groups = [['e-1a', 'e-1b'], ['e-2a'], ['a-first' /* duplicate key */], ['e-4a', 'e-4b']];
      const results = await Promise.allSettled(groups.map((ids) => runner.commitWrites(ids.map(insert))));
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect(results[0]).toEqual({ status: 'fulfilled', value: [1, 1] });
      expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/duplicate key/);
      expect((await rows()).filter((id) => id.startsWith('e-'))).toEqual(['e-1a', 'e-1b', 'e-2a', 'e-4a', 'e-4b']);
    });

    it('commitWrites: a caller whose own statements conflict keeps none of them', async () => {
      await expect(runner.commitWrites([insert('f-1'), insert('f-1')])).rejects.toThrow(/duplicate key/);
      expect(await rows()).not.toContain('f-1');
    });
  },
);
