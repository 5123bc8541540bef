import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, vi } from 'vitest';
import type { Db } from './client';

export type TestDatabaseKind = 'sqlite' | 'postgresql';

const postgresUrl = process.env.WARDEN_TEST_POSTGRES_URL;

/**
 * The databases a domain suite runs on: SQLite always, PostgreSQL when WARDEN_TEST_POSTGRES_URL names a database
 * whose name ends in _test (its server is where each suite's own database is created and dropped). For `describe.each`.
 */
export const TEST_DATABASES: TestDatabaseKind[] = postgresUrl ? ['sqlite', 'postgresql'] : ['sqlite'];
if (!postgresUrl)
  console.warn('[test-databases] WARDEN_TEST_POSTGRES_URL is not set: domain suites run on SQLite only');

type TestDatabase = {
  kind: TestDatabaseKind;
  /** The app's own client (lib/db/client.ts) on the suite's database. */
  client: Db;
};

/**
 * For suites that drive domain functions on a real database: before the suite, a database of its own (a fresh SQLite
 * file, or a fresh PostgreSQL database beside WARDEN_TEST_POSTGRES_URL's), migrated with lib/db/migrate.ts, and the
 * module graph reset so that the app's modules the suite then imports (dynamically, after this hook) open it; after,
 * the connections closed and the database removed. Suites of one file run one after another, so each may switch.
 */
export function useTestDatabase(kind: TestDatabaseKind, prefix: string): TestDatabase {
  const database = { kind } as TestDatabase;
  let drop = async () => {};
  let disconnect = async () => {};
  beforeAll(async () => {
    const created = kind === 'sqlite' ? createSqliteDatabase(prefix) : await createPostgresDatabase();
    drop = created.drop;
    process.env.DATABASE_URL = created.url;
    vi.resetModules();
    await (await import('./migrate')).migrateDatabase();
    const clientModule = await import('./client');
    disconnect = clientModule.disconnectDb;
    database.client = clientModule.db();
  });
  afterAll(async () => {
    await disconnect();
    await drop();
  });
  return database;
}

function createSqliteDatabase(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  return { url: `file:${path.join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function createPostgresDatabase() {
  const base = new URL(postgresUrl!);
  const baseName = decodeURIComponent(base.pathname.slice(1));
  if (!baseName.endsWith('_test'))
    throw new Error(`refusing to use "${baseName}": the test database's name must end in _test`);
  const name = `${baseName}_${randomBytes(5).toString('hex')}`;
  const admin = async (...statements: string[]) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  // Not `WITH (FORCE)`: it must be allowed to end every session on the database, and an autovacuum worker (the
  // server's own, on a database just written) is not ours to end, so FORCE failed now and then. Our own sessions are
  // ended explicitly; a plain DROP asks autovacuum to leave and waits for the rest to go.
  const drop = () =>
    admin(
      `SELECT pg_terminate_backend("pid") FROM pg_stat_activity WHERE "datname" = '${name}' AND "usename" = current_user AND "pid" <> pg_backend_pid()`,
      `DROP DATABASE IF EXISTS "${name}"`,
    );
  return { url: url.toString(), drop };
}
