import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import type { Db } from './client';

type TestDatabase = {
  /** The database file (under a temporary directory removed after the suite). */
  file: string;
  client: Db;
  runner: typeof import('./sql-runner');
  clientModule: typeof import('./client');
};

/**
 * For suites that test lib/db on a real SQLite file through the app's own modules: before the suite, a fresh file,
 * migrated, and the modules loaded anew so that they open it; after, the connection closed and the file removed.
 * The fields are filled in by the time the suite's tests run.
 */
export function useSqliteTestDatabase(prefix: string): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const database = { file: path.join(dir, 'test.db') } as TestDatabase;
  beforeAll(async () => {
    process.env.DATABASE_URL = `file:${database.file}`;
    vi.resetModules();
    const { migrateDatabase } = await import('./migrate');
    await migrateDatabase();
    database.clientModule = await import('./client');
    database.client = database.clientModule.db();
    database.runner = await import('./sql-runner');
  });
  afterAll(async () => {
    await database.clientModule?.disconnectDb();
    rmSync(dir, { recursive: true, force: true });
  });
  return database;
}
