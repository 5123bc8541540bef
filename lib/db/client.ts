import type { Worker } from 'node:worker_threads';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient as SqliteClient, type Prisma } from '../generated/sqlite/client';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client';
import { databaseTarget } from '../env';
import { createPgPool } from './pg-pool';
import { PgReader } from './pg-reader';
import { preparePrivateSqliteFile } from './private-sqlite-file';
import { startCheckpointer } from './sqlite-checkpointer';
import { closeWal } from './sqlite-group-commit';
import { SqliteWorkerConnection } from './sqlite-worker-connection';

/**
 * The one Prisma client of the process. Both generated clients have the same API (they come from one schema);
 * the SQLite one's types stand for both.
 */
export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;

/**
 * Decisions must survive a power cut: WAL with synchronous=FULL (better-sqlite3 would otherwise leave WAL at NORMAL),
 * foreign keys on, and a busy timeout so the admin CLI and the server can share the file. Savepoint journals (the
 * gate's group commit runs each proposal under one) stay in memory: on a temp file they cost two writes per page.
 */
export const SQLITE_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA temp_store = MEMORY;';

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;
type SqliteHandle = { prepare: (sql: string) => unknown; readonly inTransaction: boolean; readonly name: string };
export type SqliteConnection = {
  adapter: SqliteAdapter;
  client: { prepare(sql: string): any; readonly inTransaction: boolean; readonly name: string };
  /** Set while the gate's group commit has a transaction open on the connection (lib/db/sqlite-group-commit.ts). */
  batch: Promise<void> | null;
  /** The WAL file, held open for the group commit's fsync (lib/db/sqlite-group-commit.ts). */
  walFd?: number;
  /** The group commit's batches from their start until their fsync: the WAL file stays open while any runs. */
  walUsers: Set<Promise<void>>;
  /** The hot path's own connection, on a worker thread (lib/db/sqlite-worker-connection.ts). */
  worker: SqliteWorkerConnection;
};

class DurableSqliteAdapterFactory extends PrismaBetterSqlite3 {
  /** The one connection Prisma opened, for the hot path's direct statements (lib/db/sql-runner.ts). */
  connection: SqliteConnection | undefined;
  checkpointer: Worker | undefined;

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
    const connection: SqliteConnection = {
      adapter, client, batch: null, walUsers: new Set(), worker: new SqliteWorkerConnection(client.name, { autocheckpoint: false }),
    };
    waitForOpenBatches(adapter, connection);
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
  await Promise.all([connection.worker.stop(), closeWal(connection)]);
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
  client.prepare = (sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql);
}

/**
 * Prisma's statements outside its transactions run on the connection as they come, without the adapter's lock. A gate
 * batch may await real I/O mid-transaction (a requester's signature is checked with WebCrypto); a Prisma write that
 * ran then would land inside the batch — answered before it is committed, undone if that job rolls back. So such
 * statements wait for the open batch to end. (Prisma's transactions already wait: the batch holds the adapter's lock.)
 */
function waitForOpenBatches(adapter: SqliteAdapter, connection: SqliteConnection): void {
  for (const method of ['queryRaw', 'executeRaw'] as const) {
    const run = adapter[method].bind(adapter) as (query: unknown) => Promise<unknown>;
    (adapter as unknown as Record<typeof method, (query: unknown) => Promise<unknown>>)[method] = async (query) => {
      while (connection.batch) await connection.batch;
      return run(query);
    };
  }
}

function createClient(): Db {
  const target = databaseTarget();
  if (target.provider === 'sqlite') {
    preparePrivateSqliteFile(target.file);
    const factory = new DurableSqliteAdapterFactory({ url: `file:${target.file}`, timeout: 5000 });
    globalForDb.wardenSqliteFactory = factory;
    return new SqliteClient({ adapter: factory });
  }
  // Prisma's pool is ours (not the adapter's own) so that its connections coalesce their writes too (lib/db/pg-pool.ts).
  // JIT off: the console's counts over 100,000 pending actions are costed high enough for PostgreSQL to compile
  // them, which took ~1 s of each ~1.3 s "waiting for me" count (docs/BENCHMARKS.md, queue round 1).
  globalForDb.wardenPrismaPool = createPgPool({ connectionString: target.url, max: 10, options: '-c jit=off' });
  const client = new PostgresClient({ adapter: new PrismaPg(globalForDb.wardenPrismaPool) });
  return client as unknown as Db;
}

const globalForDb = globalThis as unknown as { wardenDb?: Db; wardenSqliteFactory?: DurableSqliteAdapterFactory; wardenGatePool?: pg.Pool; wardenGateReader?: PgReader; wardenPrismaPool?: pg.Pool };

export function db(): Db {
  globalForDb.wardenDb ??= createClient();
  return globalForDb.wardenDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.wardenSqliteFactory?.close();
  await globalForDb.wardenDb?.$disconnect();
  await globalForDb.wardenGatePool?.end();
  await globalForDb.wardenGateReader?.end();
  await globalForDb.wardenPrismaPool?.end(); // an external pool: the adapter leaves it open
  globalForDb.wardenDb = undefined;
  globalForDb.wardenPrismaPool = undefined;
  globalForDb.wardenSqliteFactory = undefined;
  globalForDb.wardenGatePool = undefined;
  globalForDb.wardenGateReader = undefined;
}

/**
 * PostgreSQL only: the pool the gate's hot path (lib/db/sql-runner.ts) speaks plain `pg` on, apart from Prisma's.
 * Its clients pipeline: statements issued without awaiting the previous one go out together (one round trip), which
 * Prisma's adapter does not expect of its clients, hence a pool of its own. Null on SQLite.
 */
export function gatePool(): pg.Pool | null {
  const target = databaseTarget();
  if (target.provider !== 'postgresql') return null;
  if (!globalForDb.wardenGatePool) {
    globalForDb.wardenGatePool = createPgPool({ connectionString: target.url, max: GATE_POOL_SIZE, pipeline: true });
  }
  return globalForDb.wardenGatePool;
}

/** PostgreSQL only: the shared connection for the hot path's statements outside transactions (lib/db/pg-reader.ts). */
export function gateReader(): PgReader | null {
  const target = databaseTarget();
  if (target.provider !== 'postgresql') return null;
  globalForDb.wardenGateReader ??= new PgReader({ connectionString: target.url });
  return globalForDb.wardenGateReader;
}

/** Enough connections for 16 agent calls in flight (each holds one only for its transaction); see docs/BENCHMARKS.md. */
const GATE_POOL_SIZE = 8;

/** The SQLite connection Prisma uses (opening it if needed), or null on PostgreSQL. */
export async function sqliteConnection(): Promise<SqliteConnection | null> {
  const client = db();
  const factory = globalForDb.wardenSqliteFactory;
  if (!factory) return null;
  if (!factory.connection) await client.$connect();
  if (!factory.connection) throw new Error('SQLite connection did not open');
  return factory.connection;
}
