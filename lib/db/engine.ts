import type { Prisma, PrismaClient } from '../generated/sqlite/client';

/*
 * The seam between Warden's domain and its database. The domain needs two things of a database: Prisma for the
 * console (model queries are convenient and cost ~1 ms each, fine for people), and for the agent API's hot path plain
 * SQL on the driver itself — a reader, a transaction, grouped writes — because there every millisecond is the gate's
 * throughput (docs/BENCHMARKS.md). lib/db/sqlite/ and lib/db/postgres/ each implement this; lib/db/client.ts picks one
 * from DATABASE_URL and knows nothing of either's insides.
 */

/**
 * The one Prisma client of the process. Both generated clients have the same API (they come from one schema); the
 * SQLite one's types stand for both.
 */
export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;
/**
 * One statement of the hot path: Prisma's `sql` template (lib/db/sql-runner.ts) or a typed query compiled for the
 * runner's dialect (lib/db/typed-sql.ts). `sql` carries SQLite's placeholders (`?`), `text` PostgreSQL's (`$1`); each
 * engine reads the one of its dialect.
 */
export type Sql = { readonly sql: string; readonly text: string; readonly values: readonly unknown[] };
export type Dialect = 'sqlite' | 'postgresql';

/**
 * The hot path's statements on the database's own driver. `dialect` is for the few statements that differ (row locks).
 */
export type SqlRunner = {
  readonly dialect: Dialect;
  query<T = Record<string, unknown>>(sql: Sql): Promise<T[]>;
  execute(sql: Sql): Promise<number>;
  /**
   * The transaction's last statements, issued together; their row counts. On PostgreSQL the COMMIT travels with them
   * (one round trip instead of two); nothing may run on the runner afterwards. If one fails, nothing of the
   * transaction is kept and its error is thrown. Elsewhere they simply run, and the transaction commits as usual.
   */
  executeLast(statements: Sql[]): Promise<number[]>;
};

export interface DatabaseEngine {
  readonly dialect: Dialect;
  /** The console's client. */
  readonly prisma: Db;
  /** Statements outside any transaction, each on its own (the hot path's reads, e.g. the key lookup). */
  read<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T>;
  /** `work` atomically and durably: nothing is answered before its commit is on disk. */
  transaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Writes whose transaction reads nothing: they commit atomically (grouped with other callers of the moment, each
   * failing alone), and nothing is answered before they are on disk.
   */
  commitWrites(statements: Sql[]): Promise<number[]>;
  /** Whether `commitWrites` commits apart from `transaction` (then deciding outside a transaction is cheaper). */
  commitsWritesApart(): Promise<boolean>;
  /** What each of the engine's connections or pools holds right now, for metrics; reads no database. */
  connectionStats(): ConnectionStats[];
  /** Lets work in flight finish, then closes every connection. */
  close(): Promise<void>;
  /**
   * Notices of what other processes commit, as they commit (PostgreSQL's LISTEN/NOTIFY). Absent where the engine has
   * no such channel (SQLite): there, other processes' changes are found by polling (lib/realtime/).
   */
  changeFeed?(): ChangeFeed;
}

/**
 * One pool (PostgreSQL) or dedicated connection (SQLite) of the engine: connections open, of which idle, and callers
 * waiting for one (SQLite: jobs queued on that connection).
 */
export type ConnectionStats = { pool: string; open: number; idle: number; waiting: number };

/**
 * One audit event committed (by any process on the database): its sequence number, its type and its action, if any.
 * Ids and kinds only: never parameters or anything secret.
 */
export type ChangeNotice = { seq: number; type: string; actionId: string | null };

export type ChangeFeedListener = {
  notice(notice: ChangeNotice): void;
  /** The feed is listening (again): what was committed while it was not must be caught up by the listener. */
  connected(): void;
  /** The feed lost its connection: until `connected`, nothing is heard. */
  disconnected(): void;
};

/** A connection of its own that hears every commit's notices, reconnecting (with backoff) when it drops. */
export type ChangeFeed = {
  /** Whether notices are being heard now. */
  readonly listening: boolean;
  /** Starts listening on first use. Returns the unsubscribe. */
  subscribe(listener: ChangeFeedListener): () => void;
};

/**
 * A failure after which no commit on the database could be trusted to be on disk (a failed fsync). The engine refuses
 * all later work itself; the server's entry point decides what the process does (instrumentation.ts stops it).
 */
export type FatalDatabaseFailure = (error: Error) => void;

/**
 * The PostgreSQL channel the audit append notifies (pg_notify in the transaction that writes the event, so the notice
 * is delivered at its commit and never for a rollback). Payload: `seq:type:actionId` (the last part empty if none).
 */
export const CHANGE_CHANNEL = 'warden_changes';
