import { Prisma } from '../generated/sqlite/client';
import { databaseTarget } from '../env';
import { engine, type Tx } from './client';
import type { Sql, SqlRunner } from './engine';

/*
 * The gate's hot path speaks plain SQL through this, on the database's own driver (lib/db/engine.ts). A raw query
 * through Prisma costs ~0.25 ms of CPU and, inside an interactive transaction, several round trips; the same statement
 * on the driver a few microseconds (see docs/BENCHMARKS.md).
 */
export type { SqlRunner } from './engine';

export const sql = Prisma.sql;
export const joinSql = Prisma.join;

/** For code already inside a Prisma transaction (e.g. `recordAuditEvent(tx, …)` outside the gate). */
export function prismaRunner(tx: Tx): SqlRunner {
  return {
    dialect: databaseTarget().provider,
    query: <T>(statement: Sql) =>
      statement instanceof Prisma.Sql
        ? tx.$queryRaw<T[]>(statement)
        : tx.$queryRawUnsafe<T[]>(dialectText(statement), ...statement.values),
    execute: (statement: Sql) => execute(tx, statement),
    executeLast: (statements) => executeInOrder(statements, (statement) => execute(tx, statement)),
  };
}

function execute(tx: Tx, statement: Sql): Promise<number> {
  return statement instanceof Prisma.Sql
    ? tx.$executeRaw(statement)
    : tx.$executeRawUnsafe(dialectText(statement), ...statement.values);
}

/** A typed query compiled for the process's dialect (lib/db/typed-sql.ts) carries that dialect's placeholders. */
function dialectText(statement: Sql): string {
  return databaseTarget().provider === 'postgresql' ? statement.text : statement.sql;
}

async function executeInOrder(statements: Sql[], execute: (statement: Sql) => Promise<number>): Promise<number[]> {
  const counts: number[] = [];
  for (const statement of statements) counts.push(await execute(statement));
  return counts;
}

/**
 * Runs `work` atomically and durably. On PostgreSQL: one transaction on a pipelined connection (the server
 * group-commits WAL flushes by itself). On SQLite: group commit (lib/db/sqlite/group-commit.ts).
 */
export function inTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  return engine().transaction(work);
}

/**
 * Writes whose transaction reads nothing (the gate's record of a decision taken on facts read before): they commit
 * atomically, and nothing is answered before they do. The writes of every caller in one turn of the event loop share
 * one transaction; should it fail, each caller's writes go again alone, so only the failing one fails. On SQLite they
 * commit on the worker's connection (lib/db/sqlite/worker-connection.ts); should the worker have failed, they join
 * the main connection's group commit.
 */
export function commitWrites(statements: Sql[]): Promise<number[]> {
  return engine().commitWrites(statements);
}

/**
 * Whether `commitWrites` commits apart from the server's own transactions (PostgreSQL; SQLite while its worker
 * connection runs). Then a decision that needs no lock is cheaper taken on facts read outside a transaction and
 * recorded with `commitWrites`; otherwise reading inside the group commit's transaction costs less.
 */
export function commitsWritesApart(): Promise<boolean> {
  return engine().commitsWritesApart();
}

/** Statements outside any transaction, each on its own (reads on the hot path, e.g. the key lookup). */
export function runOutsideTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  return engine().read(work);
}
