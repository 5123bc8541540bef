import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseTarget } from '../env';
import { Prisma } from '../generated/sqlite/client';
import type { Db } from './client';
import { exerciseEveryModel } from './exercise-every-model';
import { migrateDatabase, readMigrations } from './migrate';

/**
 * A fresh database built from prisma/migrations only, used through the app's own client: a broken migration, a
 * schema change without one, or a Prisma upgrade that breaks the tooling fails here, on both databases.
 */

/** The app's real client (lib/db/client.ts) for `url`: a fresh module graph, so its env and singleton start empty. */
async function appClientFor(url: string): Promise<{ client: Db; disconnect: () => Promise<void> }> {
  process.env.DATABASE_URL = url;
  vi.resetModules();
  const { db, disconnectDb } = await import('./client');
  return { client: db(), disconnect: disconnectDb };
}

async function expectSecondMigrationToChangeNothing(target: DatabaseTarget, tableCount: () => Promise<number>) {
  const tables = await tableCount();
  expect(await migrateDatabase(target)).toEqual([]);
  expect(await tableCount()).toBe(tables);
}

describe('SQLite built from the migrations', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'warden-migrations-'));
  const file = path.join(dir, 'fresh.db');
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every migration once, in order, and a second run is a no-op', async () => {
    const target = { provider: 'sqlite', file } as const;
    expect(await migrateDatabase(target)).toEqual(readMigrations('sqlite').map((migration) => migration.name));
    const { client, disconnect } = await appClientFor(`file:${file}`);
    cleanups.push(disconnect);
    const tableCount = async () => {
      const rows = await client.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`,
      );
      return Number(rows[0].n);
    };
    await expectSecondMigrationToChangeNothing(target, tableCount);
  });

  // NORMAL, not FULL: the client's adapter syncs the WAL itself before a commit is done (lib/db/sqlite/wal-sync.ts),
  // off the server's thread; e2e/api/sigkill-durability.spec.ts reads that order from a system-call trace.
  it("runs with WAL, synchronous=NORMAL and foreign keys on the app's client", async () => {
    const { client } = await appClientFor(`file:${file}`);
    const [journal] = await client.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
    const [sync] = await client.$queryRawUnsafe<{ synchronous: bigint | number }[]>('PRAGMA synchronous');
    const [foreignKeys] = await client.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>('PRAGMA foreign_keys');
    expect(journal.journal_mode).toBe('wal');
    expect(Number(sync.synchronous)).toBe(1);
    expect(Number(foreignKeys.foreign_keys)).toBe(1);
  });

  it('stores and reads back every model through the client', async () => {
    const { client } = await appClientFor(`file:${file}`);
    expect((await exerciseEveryModel(client)).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });
});

const postgresUrl = process.env.WARDEN_TEST_POSTGRES_URL;
const postgresSkipReason = 'WARDEN_TEST_POSTGRES_URL is not set: PostgreSQL migrations not tested';

describe.skipIf(!postgresUrl)(
  postgresUrl ? 'PostgreSQL built from the migrations' : `PostgreSQL (skipped: ${postgresSkipReason})`,
  () => {
    const url = postgresUrl ?? '';
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups) await cleanup();
    });

    async function sql<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<T>(text)).rows;
      } finally {
        await client.end();
      }
    }

    it('applies every migration once on an empty schema, and a second run is a no-op', async () => {
      const database = decodeURIComponent(new URL(url).pathname.slice(1));
      expect(
        database.endsWith('_test'),
        `refusing to wipe "${database}": the test database's name must end in _test`,
      ).toBe(true);
      await sql('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');

      const target = { provider: 'postgresql', url } as const;
      expect(await migrateDatabase(target)).toEqual(readMigrations('postgresql').map((migration) => migration.name));
      const tableCount = async () =>
        Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`))[0].n);
      await expectSecondMigrationToChangeNothing(target, tableCount);
    });

    it('stores and reads back every model through the client', async () => {
      const { client, disconnect } = await appClientFor(url);
      cleanups.push(disconnect);
      expect((await exerciseEveryModel(client)).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    });
  },
);

if (!postgresUrl) console.warn(`[migrations.test] ${postgresSkipReason}`);
