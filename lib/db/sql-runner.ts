import { Prisma } from '../generated/sqlite/client';
import { db, sqliteConnection, type Tx } from './client';

/**
 * The gate's hot path speaks plain SQL through this: the same statements run on PostgreSQL through Prisma's raw
 * queries, and on SQLite straight on the connection Prisma's adapter owns — a raw query through Prisma costs ~0.25 ms
 * of CPU, the same statement on better-sqlite3 a few microseconds (see docs/BENCHMARKS.md).
 */
export type SqlRunner = {
  query<T = Record<string, unknown>>(sql: Prisma.Sql): Promise<T[]>;
  execute(sql: Prisma.Sql): Promise<number>;
};

export const sql = Prisma.sql;
export const joinSql = Prisma.join;

export function prismaRunner(tx: Tx): SqlRunner {
  return {
    query: <T>(statement: Prisma.Sql) => tx.$queryRaw<T[]>(statement),
    execute: (statement: Prisma.Sql) => tx.$executeRaw(statement),
  };
}

type SqliteClient = { prepare(sql: string): { all(...args: unknown[]): unknown[]; run(...args: unknown[]): { changes: number } } };

/** Values as Prisma's SQLite adapter stores them, so rows written here read back the same through Prisma. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : value;
}

function sqliteRunner(client: SqliteClient): SqlRunner {
  return {
    query: async <T>(statement: Prisma.Sql) => client.prepare(statement.sql).all(...statement.values.map(sqliteValue)) as T[],
    execute: async (statement: Prisma.Sql) => client.prepare(statement.sql).run(...statement.values.map(sqliteValue)).changes,
  };
}

/**
 * Runs `work` in one transaction. On SQLite it takes the adapter's own transaction lock (so no Prisma transaction
 * interleaves), opens it with BEGIN IMMEDIATE and commits itself; elsewhere it is an ordinary Prisma transaction.
 */
export async function inTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const sqlite = await sqliteConnection();
  if (!sqlite) return db().$transaction((tx) => work(prismaRunner(tx)));
  const lock = await sqlite.adapter.startTransaction();
  try {
    const result = await work(sqliteRunner(sqlite.client));
    sqlite.client.prepare('COMMIT').run();
    return result;
  } catch (error) {
    sqlite.client.prepare('ROLLBACK').run();
    throw error;
  } finally {
    await lock.commit(); // releases the adapter's lock; the statement above already ended the transaction
  }
}

/** A single statement outside any transaction (reads on the hot path, e.g. the key lookup). */
export async function runOutsideTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const sqlite = await sqliteConnection();
  return work(sqlite ? sqliteRunner(sqlite.client) : prismaRunner(db() as unknown as Tx));
}
