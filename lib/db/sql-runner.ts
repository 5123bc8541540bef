import { Prisma } from '../generated/sqlite/client';
import { databaseTarget } from '../env';
import { gatePool, gateReader, sqliteConnection, type Tx } from './client';
import { commitWritesGrouped, pgRunner, pgTransaction } from './pg-transaction';
import { sqliteRunner, sqliteTransaction } from './sqlite-group-commit';
import type { SqliteWorkerConnection } from './sqlite-worker-connection';

/**
 * The gate's hot path speaks plain SQL through this, on the database's own driver: on SQLite straight on the
 * connection Prisma's adapter owns, on PostgreSQL on a `pg` pool of its own. A raw query through Prisma costs
 * ~0.25 ms of CPU and, inside an interactive transaction, several round trips; the same statement on the driver a
 * few microseconds (see docs/BENCHMARKS.md). `dialect` is for the few statements that differ (row locks).
 */
export type SqlRunner = {
  readonly dialect: 'sqlite' | 'postgresql';
  query<T = Record<string, unknown>>(sql: Prisma.Sql): Promise<T[]>;
  execute(sql: Prisma.Sql): Promise<number>;
  /**
   * The transaction's last statements, issued together; their row counts. On PostgreSQL the COMMIT travels with them
   * (one round trip instead of two); nothing may run on the runner afterwards. If one fails, nothing of the
   * transaction is kept and its error is thrown. Elsewhere they simply run, and the transaction commits as usual.
   */
  executeLast(statements: Prisma.Sql[]): Promise<number[]>;
};

export const sql = Prisma.sql;
export const joinSql = Prisma.join;

/** For code already inside a Prisma transaction (e.g. `recordAuditEvent(tx, …)` outside the gate). */
export function prismaRunner(tx: Tx): SqlRunner {
  return {
    dialect: databaseTarget().provider,
    query: <T>(statement: Prisma.Sql) => tx.$queryRaw<T[]>(statement),
    execute: (statement: Prisma.Sql) => tx.$executeRaw(statement),
    executeLast: (statements) => executeInOrder(statements, (statement) => tx.$executeRaw(statement)),
  };
}

async function executeInOrder(statements: Prisma.Sql[], execute: (statement: Prisma.Sql) => Promise<number>): Promise<number[]> {
  const counts: number[] = [];
  for (const statement of statements) counts.push(await execute(statement));
  return counts;
}

/**
 * Runs `work` atomically and durably. On PostgreSQL: one transaction on a pipelined `pg` connection (the server
 * group-commits WAL flushes by itself). On SQLite: group commit (lib/db/sqlite-group-commit.ts).
 */
export async function inTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const pool = gatePool();
  if (pool) return pgTransaction(pool, work);
  const sqlite = await sqliteConnection();
  if (!sqlite) throw new Error('no database connection');
  return sqliteTransaction(sqlite, work);
}

/**
 * Writes whose transaction reads nothing (the gate's record of a decision taken on facts read before): they commit
 * atomically, and nothing is answered before they do. On PostgreSQL the writes of every caller in one turn of the
 * event loop share one transaction, sent in one write with its BEGIN and COMMIT: per proposal, a round trip and a
 * WAL flush less. Should that transaction fail, each caller's writes go again in a transaction of their own, so only
 * the failing one fails. On SQLite they commit on the worker's connection (lib/db/sqlite-worker-connection.ts),
 * grouped the same way; should the worker have failed, they join the main connection's group commit.
 */
export async function commitWrites(statements: Prisma.Sql[]): Promise<number[]> {
  const pool = gatePool();
  if (pool) return commitWritesGrouped(pool, statements);
  const sqlite = await sqliteConnection();
  if (sqlite?.worker.available) return sqlite.worker.commit(statements);
  return inTransaction((runner) => runner.executeLast(statements));
}

/**
 * Whether `commitWrites` commits apart from the server's own transactions (PostgreSQL; SQLite while its worker
 * connection runs). Then a decision that needs no lock is cheaper taken on facts read outside a transaction and
 * recorded with `commitWrites`; otherwise reading inside the group commit's transaction costs less.
 */
export async function commitsWritesApart(): Promise<boolean> {
  if (gatePool()) return true;
  return (await sqliteConnection())?.worker.available ?? false;
}

/** Statements outside any transaction, each on its own (reads on the hot path, e.g. the key lookup). */
export async function runOutsideTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const reader = gateReader();
  if (reader) return work(pgRunner(reader));
  const sqlite = await sqliteConnection();
  if (!sqlite) throw new Error('no database connection');
  return work(sqlite.worker.available ? workerRunner(sqlite.worker) : sqliteRunner(sqlite.client));
}

function workerRunner(worker: SqliteWorkerConnection): SqlRunner {
  return {
    dialect: 'sqlite',
    query: (statement) => worker.query(statement),
    execute: async (statement) => (await worker.commit([statement]))[0],
    executeLast: (statements) => worker.commit(statements),
  };
}
