import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { ConnectionTurns } from './turns';
import type { WalSync } from './wal-sync';

/**
 * Decisions must survive a power cut: WAL, whose commits this adapter syncs itself before Prisma sees them done
 * (synchronous=NORMAL: the COMMIT writes the WAL; the fsync runs on libuv's thread pool, not on the server's thread as
 * FULL would), foreign keys on, and a busy timeout so the admin CLI and the server can share the file. WAL checkpoints
 * are left to lib/db/sqlite/checkpointer.ts.
 */
const SQLITE_PRAGMAS =
  'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 0;';

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

/** What the adapter needs of its engine to commit durably, and to stop once a sync has failed. */
export type Durability = {
  turns: ConnectionTurns;
  walSync: WalSync;
  /** Set once no commit on the file can be trusted to be on disk: every statement is then refused with it. */
  failure(): Error | null;
  /** Reports a failed sync: the engine serves no more. */
  fail(error: Error): void;
};

/** A statement outside a transaction commits on its own; only a SELECT is known to write nothing. */
const writesNothing = (query: Query) => /^\s*SELECT\b/i.test(query.sql);

/**
 * Prisma's adapter for better-sqlite3, wrapped through the public driver-adapter interface: the pragmas on connect,
 * transactions that take their turn with the gate's batches (lib/db/sqlite/turns.ts) and the write lock up front,
 * statements outside transactions that wait while a batch is open (else a console write could wait for the lock in
 * SQLite's busy handler, asleep on the thread the batch needs to finish), and every commit synced before it is done.
 */
export function durablePrismaAdapter(
  file: string,
  durability: Durability,
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
      return takingTurns(adapter, durability);
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}

function takingTurns(adapter: SqliteAdapter, durability: Durability): SqliteAdapter {
  const { turns } = durability;
  const usable = () => {
    const failure = durability.failure();
    if (failure) throw failure;
  };
  /** Resolves once everything committed so far is on disk; a failed sync is fatal (fail closed). */
  const synced = async () => {
    try {
      await durability.walSync.sync();
    } catch (error) {
      const failure = new Error(
        `the SQLite WAL could not be synced (${String(error)}); no later commit could be trusted to be on disk`,
      );
      durability.fail(failure);
      throw failure;
    }
  };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: async (query) => {
      usable();
      await turns.batchesDone();
      const result = await adapter.queryRaw(query);
      if (!writesNothing(query)) await synced();
      return result;
    },
    executeRaw: async (query) => {
      usable();
      await turns.batchesDone();
      const changes = await adapter.executeRaw(query);
      if (!writesNothing(query)) await synced();
      return changes;
    },
    executeScript: async (script) => {
      usable();
      await adapter.executeScript(script);
      await synced();
    },
    dispose: () => adapter.dispose(),
    startTransaction: async (isolationLevel) => {
      usable();
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
      return endingTurn(transaction, endTurn, synced);
    },
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
  };
}

/**
 * The turn ends with the transaction; the commit is done only once synced. The next writer need not wait for that
 * sync: whatever it commits is later in the WAL's chain.
 */
function endingTurn(transaction: Transaction, endTurn: () => void, synced: () => Promise<void>): Transaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: async () => {
      await transaction.commit().finally(endTurn);
      await synced();
    },
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
