import { databaseTarget } from '../env';
import type { DatabaseEngine, Db, FatalDatabaseFailure } from './engine';
import { createPostgresEngine } from './postgres';
import { createSqliteEngine } from './sqlite';
import { logger } from '../logging/logger';

export type { Db, Tx } from './engine';

/**
 * The process's database engine, picked from DATABASE_URL (lib/db/sqlite/ or lib/db/postgres/), opened on first use.
 * Kept on globalThis: Next may load this module more than once (one copy per bundle), and there must be one engine.
 */
const globalForDb = globalThis as unknown as {
  wardenEngine?: DatabaseEngine;
  wardenFatalListeners?: Set<FatalDatabaseFailure>;
};

export function engine(): DatabaseEngine {
  if (!globalForDb.wardenEngine) {
    const target = databaseTarget();
    globalForDb.wardenEngine =
      target.provider === 'sqlite' ? createSqliteEngine(target.file, reportFatal) : createPostgresEngine(target.url);
  }
  return globalForDb.wardenEngine;
}

/** The one Prisma client of the process. */
export function db(): Db {
  return engine().prisma;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.wardenEngine;
  globalForDb.wardenEngine = undefined;
  await current?.close();
}

/**
 * Whom to tell of a failure after which no commit could be trusted to be on disk (a failed fsync of SQLite's WAL).
 * The engine already refuses all later work; the server's entry point (instrumentation.ts) stops the process.
 * Returns the function that removes the listener.
 */
export function onFatalDatabaseFailure(listener: FatalDatabaseFailure): () => void {
  const listeners = (globalForDb.wardenFatalListeners ??= new Set());
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function reportFatal(error: Error): void {
  logger().fatal(`fatal database failure: ${error.message}`);
  for (const listener of globalForDb.wardenFatalListeners ?? []) listener(error);
}
