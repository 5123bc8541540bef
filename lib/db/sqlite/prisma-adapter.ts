import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { ConnectionTurns } from './turns';

/**
 * Decisions must survive a power cut: WAL with synchronous=FULL (better-sqlite3 would otherwise leave WAL at NORMAL),
 * foreign keys on, and a busy timeout so the admin CLI and the server can share the file. WAL checkpoints are left to
 * lib/db/sqlite/checkpointer.ts.
 */
const SQLITE_PRAGMAS =
  'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 0;';

export type SqliteAdapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;
type Transaction = Awaited<ReturnType<SqliteAdapter['startTransaction']>>;
type Query = Parameters<SqliteAdapter['queryRaw']>[0];

/**
 * Prisma's adapter opens transactions with a plain (deferred) BEGIN. Warden's transactions read, then write; if another
 * process (the admin CLI, a second server) commits in between, SQLite refuses the write with SQLITE_BUSY_SNAPSHOT,
 * which no busy timeout can cure. A write as the transaction's first statement takes the write lock up front, as
 * BEGIN IMMEDIATE would (a deferred transaction starts its snapshot with its first statement), so writers queue instead
 * of failing: e2e/api/shared-database-writers.spec.ts proves it. The table is the migrator's, present in every
 * database Warden opens; `WHERE 0` changes nothing.
 */
const TAKE_WRITE_LOCK: Query = {
  sql: 'UPDATE "_warden_migrations" SET "name" = "name" WHERE 0',
  args: [],
  argTypes: [],
};
const ROLLBACK: Query = { sql: 'ROLLBACK', args: [], argTypes: [] };

/**
 * Prisma's adapter for better-sqlite3, wrapped through the public driver-adapter interface: the pragmas on connect,
 * transactions that take their turn with the gate's batches (lib/db/sqlite/turns.ts) and the write lock up front, and
 * statements outside transactions that wait while a batch is open (else a console write could wait for the lock in
 * SQLite's busy handler, asleep on the thread the batch needs to finish).
 */
export function durablePrismaAdapter(
  file: string,
  turns: ConnectionTurns,
  onConnect: (adapter: SqliteAdapter) => void,
) {
  const inner = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 5000 });
  return {
    provider: 'sqlite' as const,
    adapterName: inner.adapterName,
    async connect(): Promise<SqliteAdapter> {
      const adapter = await inner.connect();
      await adapter.executeScript(SQLITE_PRAGMAS);
      onConnect(adapter);
      return takingTurns(adapter, turns);
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}

function takingTurns(adapter: SqliteAdapter, turns: ConnectionTurns): SqliteAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: async (query) => {
      await turns.batchesDone();
      return adapter.queryRaw(query);
    },
    executeRaw: async (query) => {
      await turns.batchesDone();
      return adapter.executeRaw(query);
    },
    executeScript: (script) => adapter.executeScript(script),
    dispose: () => adapter.dispose(),
    startTransaction: async (isolationLevel) => {
      const endTurn = await turns.take();
      let transaction: Transaction;
      try {
        transaction = await adapter.startTransaction(isolationLevel);
      } catch (error) {
        endTurn();
        throw error;
      }
      try {
        await transaction.executeRaw(TAKE_WRITE_LOCK);
      } catch (error) {
        // As Prisma ends a transaction: ROLLBACK, then the adapter's own release. Neither may keep the turn.
        await transaction.executeRaw(ROLLBACK).catch(() => undefined);
        await transaction.rollback().catch(() => undefined);
        endTurn();
        throw error;
      }
      return endingTurn(transaction, endTurn);
    },
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
  };
}

function endingTurn(transaction: Transaction, endTurn: () => void): Transaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => transaction.commit().finally(endTurn),
    rollback: () => transaction.rollback().finally(endTurn),
    ...(transaction.createSavepoint ? { createSavepoint: (name: string) => transaction.createSavepoint!(name) } : {}),
    ...(transaction.rollbackToSavepoint
      ? { rollbackToSavepoint: (name: string) => transaction.rollbackToSavepoint!(name) }
      : {}),
    ...(transaction.releaseSavepoint
      ? { releaseSavepoint: (name: string) => transaction.releaseSavepoint!(name) }
      : {}),
  };
}
