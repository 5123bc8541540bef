import type { Worker } from 'node:worker_threads';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { FatalDatabaseFailure } from '../engine';
import { startCheckpointer } from './checkpointer';
import { GroupCommit, type SqliteHandle } from './group-commit';
import { SqliteWorkerConnection } from './worker-connection';

/**
 * Decisions must survive a power cut: WAL with synchronous=FULL (better-sqlite3 would otherwise leave WAL at NORMAL),
 * foreign keys on, and a busy timeout so the admin CLI and the server can share the file. Savepoint journals (the
 * gate's group commit runs each proposal under one) stay in memory: on a temp file they cost two writes per page.
 */
export const SQLITE_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA temp_store = MEMORY;';

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;

/** One connection Prisma opened, with what the hot path keeps beside it. Replaced as a whole when Prisma reconnects. */
export type SqliteConnection = {
  client: SqliteHandle;
  /** The gate's transactions on this connection. */
  groupCommit: GroupCommit;
  /** The hot path's own connection, on a worker thread (lib/db/sqlite/worker-connection.ts). */
  worker: SqliteWorkerConnection;
};

export class DurableSqliteAdapterFactory extends PrismaBetterSqlite3 {
  /** The one connection Prisma opened, for the hot path's direct statements. */
  connection: SqliteConnection | undefined;
  private checkpointer: Worker | undefined;

  constructor(file: string, private readonly onFatal: FatalDatabaseFailure) {
    super({ url: `file:${file}`, timeout: 5000 });
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await retire(connection);
    await this.checkpointer?.terminate();
    this.checkpointer = undefined;
  }

  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    const client = (adapter as unknown as { client: SqliteHandle }).client;
    beginImmediately({ client });
    // A reconnect: the old connection's worker and WAL file go. Not awaited, so a failure to close is logged here
    // rather than left as an unhandled rejection, which would stop the server.
    if (this.connection) retire(this.connection).catch((error) => console.error('[warden] closing the replaced SQLite connection failed:', error));
    void this.checkpointer?.terminate();
    const groupCommit = new GroupCommit(client, () => adapter.startTransaction(), this.onFatal);
    const connection: SqliteConnection = {
      client,
      groupCommit,
      worker: new SqliteWorkerConnection(client.name, { autocheckpoint: false, onFatal: this.onFatal }),
    };
    waitForOpenBatches(adapter, groupCommit);
    this.connection = connection;
    const pragma = (sql: string) => (client.prepare(sql) as { run(): unknown }).run();
    pragma('PRAGMA wal_autocheckpoint = 0');
    this.checkpointer = startCheckpointer(client.name, (error) => {
      if (this.connection !== connection) return; // its connection was closed or replaced on purpose
      console.error('[warden] WAL checkpoints are back on the connections that commit:', error);
      connection.worker.checkpointAsItCommits();
      try {
        pragma('PRAGMA wal_autocheckpoint = 1000');
      } catch {
        // the connection is closed: nothing left to checkpoint from it
      }
    });
    return adapter;
  }
}

/** Lets a connection's work in flight finish, then closes what it holds beside Prisma's handle. */
async function retire(connection: SqliteConnection): Promise<void> {
  const closed = new Error('the SQLite connection was closed');
  await Promise.all([connection.worker.stop(), connection.groupCommit.close(closed)]);
}

/**
 * The adapter opens transactions with a plain (deferred) BEGIN. Warden's transactions read, then write; if another
 * process (the admin CLI, a second server) commits in between, SQLite refuses the write with SQLITE_BUSY_SNAPSHOT,
 * which no busy timeout can cure. BEGIN IMMEDIATE takes the write lock up front, so writers queue instead of failing.
 * The adapter keeps its connection in `client` (not public API): e2e/api/shared-database-writers.spec.ts proves this.
 */
function beginImmediately(adapter: { client: SqliteHandle }): void {
  const { client } = adapter;
  const prepare = client.prepare.bind(client);
  (client as { prepare: SqliteHandle['prepare'] }).prepare = (sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql);
}

/**
 * Prisma's statements outside its transactions run on the connection as they come, without the adapter's lock. A gate
 * batch may await real I/O mid-transaction (a requester's signature is checked with WebCrypto); a Prisma write that
 * ran then would land inside the batch — answered before it is committed, undone if that job rolls back. So such
 * statements wait for the open batch to end. (Prisma's transactions already wait: the batch holds the adapter's lock.)
 */
function waitForOpenBatches(adapter: SqliteAdapter, groupCommit: GroupCommit): void {
  for (const method of ['queryRaw', 'executeRaw'] as const) {
    const run = adapter[method].bind(adapter) as (query: unknown) => Promise<unknown>;
    (adapter as unknown as Record<typeof method, (query: unknown) => Promise<unknown>>)[method] = async (query) => {
      while (groupCommit.batch) await groupCommit.batch;
      return run(query);
    };
  }
}
