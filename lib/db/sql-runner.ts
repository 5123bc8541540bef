import { createHash } from 'node:crypto';
import { fsync, openSync } from 'node:fs';
import pg from 'pg';
import { Prisma } from '../generated/sqlite/client';
import { databaseTarget } from '../env';
import { gatePool, gateReader, sqliteConnection, type Tx } from './client';

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

type SqliteClient = {
  prepare(sql: string): { all(...args: unknown[]): unknown[]; run(...args: unknown[]): { changes: number } };
  readonly inTransaction: boolean;
  readonly name: string;
};

/** Values as Prisma's SQLite adapter stores them, so rows written here read back the same through Prisma. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : value;
}

/** Prepared statements, kept per connection: the gate runs the same few statements over and over. */
const prepared = new WeakMap<SqliteClient, Map<string, ReturnType<SqliteClient['prepare']>>>();

function statementOf(client: SqliteClient, text: string) {
  let cache = prepared.get(client);
  if (!cache) prepared.set(client, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) {
    statement = client.prepare(text);
    if (cache.size < 500) cache.set(text, statement); // the multi-row audit INSERT varies in shape; keep the cache bounded
  }
  return statement;
}

function sqliteRunner(client: SqliteClient): SqlRunner {
  const execute = (statement: Prisma.Sql) => statementOf(client, statement.sql).run(...statement.values.map(sqliteValue)).changes;
  return {
    dialect: 'sqlite',
    query: async <T>(statement: Prisma.Sql) => statementOf(client, statement.sql).all(...statement.values.map(sqliteValue)) as T[],
    execute: async (statement: Prisma.Sql) => execute(statement),
    executeLast: async (statements) => statements.map(execute),
  };
}

async function executeInOrder(statements: Prisma.Sql[], execute: (statement: Prisma.Sql) => Promise<number>): Promise<number[]> {
  const counts: number[] = [];
  for (const statement of statements) counts.push(await execute(statement));
  return counts;
}

/**
 * Runs `work` atomically and durably. On PostgreSQL: one transaction on a pipelined `pg` connection (the server
 * group-commits WAL flushes by itself). On SQLite: group commit — see `flush` below.
 */
export async function inTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const pool = gatePool();
  if (pool) return pgTransaction(pool, work);
  const sqlite = await sqliteConnection();
  if (!sqlite) throw new Error('no database connection');
  return new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve, reject } as Job);
    if (!flushing) {
      // Hold the first job a moment so others that are on their way can share its commit (one fsync for all).
      flushing = true;
      setTimeout(() => void flush(sqlite), GATHER_MS);
    }
  });
}

/*
 * Group commit on SQLite. With synchronous=FULL every COMMIT waits for an fsync, and better-sqlite3 waits on the
 * event loop: one commit per proposal capped the gate at the disk's fsync rate, and the server did nothing else
 * meanwhile. Instead:
 * - work that arrives within GATHER_MS, or while a batch runs, joins one batch; each job runs under its own
 *   SAVEPOINT (a failing job rolls back alone), and the batch commits once;
 * - that COMMIT runs at synchronous=NORMAL (it writes the WAL without syncing it), and the WAL is then fsynced on
 *   libuv's thread pool while the event loop serves other requests and the next batch runs. Every caller is answered
 *   only after that fsync, so nothing is acknowledged before it is on disk: durability is what FULL gives. (A later
 *   commit cannot survive a power cut without an earlier one: WAL frames are checksummed in a chain.)
 * The batch holds the adapter's transaction lock throughout, so no Prisma transaction interleaves or commits at
 * NORMAL; the connection is back at FULL before the lock is released.
 */
type Job = { work: (runner: SqlRunner) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Sqlite = NonNullable<Awaited<ReturnType<typeof sqliteConnection>>>;
const MAX_BATCH = 64;
const GATHER_MS = 2;
let queue: Job[] = [];
let flushing = false;

async function flush(sqlite: Sqlite): Promise<void> {
  flushing = true;
  try {
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      await commitBatch(sqlite, batch);
    }
  } finally {
    flushing = false;
  }
}

/** Returns once the batch is committed (not yet synced) and the lock released; callers are answered after the sync. */
async function commitBatch(sqlite: Sqlite, batch: Job[]): Promise<void> {
  const { client } = sqlite;
  const runner = sqliteRunner(client);
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  let lock: Awaited<ReturnType<typeof sqlite.adapter.startTransaction>> | undefined;
  let endBatch = () => {};
  try {
    lock = await sqlite.adapter.startTransaction();
    sqlite.batch = new Promise<void>((resolve) => (endBatch = resolve));
    // The adapter began a transaction to hand over its lock; the safety level cannot change inside one, so that
    // (empty) transaction ends, and the batch's own begins at NORMAL.
    statementOf(client, 'COMMIT').run();
    statementOf(client, 'PRAGMA synchronous = NORMAL').run();
    statementOf(client, 'BEGIN IMMEDIATE').run();
    for (const job of batch) {
      statementOf(client, 'SAVEPOINT gate_job').run();
      try {
        outcomes.push({ ok: true, value: await job.work(runner) });
        statementOf(client, 'RELEASE gate_job').run();
      } catch (error) {
        statementOf(client, 'ROLLBACK TO gate_job').run();
        statementOf(client, 'RELEASE gate_job').run();
        outcomes.push({ ok: false, error });
      }
    }
    statementOf(client, 'COMMIT').run();
  } catch (error) {
    // The batch could not be committed: nothing in it happened, and every caller is told so.
    try {
      if (client.inTransaction) client.prepare('ROLLBACK').run();
    } catch {
      // a failed ROLLBACK leaves nothing committed either; the callers must still be answered
    }
    for (const job of batch) job.reject(error);
    return;
  } finally {
    restoreFullSync(client);
    sqlite.batch = null;
    endBatch();
    await lock?.commit(); // releases the adapter's lock; COMMIT/ROLLBACK above already ended the transaction
  }
  syncWal(sqlite).then(
    () => batch.forEach((job, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    }),
    // Committed, but not known to be on disk: nobody may act on it as if it were (fail closed).
    (error) => batch.forEach((job) => job.reject(error)),
  );
}

function restoreFullSync(client: SqliteClient): void {
  try {
    statementOf(client, 'PRAGMA synchronous = FULL').run();
  } catch (error) {
    // Outside a transaction this cannot fail; were it to, later Prisma commits would not be synced: stop serving.
    console.error('[warden] could not restore synchronous=FULL on the SQLite connection; exiting', error);
    process.exit(1);
  }
}

/**
 * fsync of the WAL on libuv's thread pool: every frame written before it starts is on disk when it resolves. The
 * file stays open with the connection (opening and closing it per batch cost more than the sync's hand-off): SQLite
 * keeps the same -wal file while any connection is open — a checkpoint truncates or rewinds it, never replaces it.
 */
function syncWal(sqlite: Sqlite): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      sqlite.walFd ??= openSync(`${sqlite.client.name}-wal`, 'r');
    } catch (error) {
      reject(error);
      return;
    }
    fsync(sqlite.walFd, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Writes whose transaction reads nothing (the gate's record of a decision taken on facts read before): they commit
 * atomically, and nothing is answered before they do. On PostgreSQL the writes of every caller in one turn of the
 * event loop share one transaction, sent in one write with its BEGIN and COMMIT: per proposal, a round trip and a
 * WAL flush less. Should that transaction fail, each caller's writes go again in a transaction of their own, so only
 * the failing one fails. On SQLite they join the group commit like any transaction.
 */
export async function commitWrites(statements: Prisma.Sql[]): Promise<number[]> {
  const pool = gatePool();
  if (!pool) return inTransaction((runner) => runner.executeLast(statements));
  return new Promise((resolve, reject) => {
    pendingWrites.push({ statements, resolve, reject });
    if (pendingWrites.length === 1) setImmediate(() => void flushWrites(pool));
  });
}

type WriteJob = { statements: Prisma.Sql[]; resolve: (counts: number[]) => void; reject: (error: unknown) => void };
let pendingWrites: WriteJob[] = [];

async function flushWrites(pool: pg.Pool): Promise<void> {
  const jobs = pendingWrites;
  pendingWrites = [];
  const alone = (job: WriteJob) => pgTransaction(pool, (runner) => runner.executeLast(job.statements)).then(job.resolve, job.reject);
  if (jobs.length === 1) return alone(jobs[0]);
  let counts: number[];
  try {
    counts = await pgTransaction(pool, (runner) => runner.executeLast(jobs.flatMap((job) => job.statements)));
  } catch {
    // Nothing of the group was kept (had its COMMIT been lost, the retried rows would collide on their ids and fail).
    await Promise.all(jobs.map(alone));
    return;
  }
  let next = 0;
  for (const job of jobs) job.resolve(counts.slice(next, (next += job.statements.length)));
}

/** Statements outside any transaction, each on its own (reads on the hot path, e.g. the key lookup). */
export async function runOutsideTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const reader = gateReader();
  if (reader) return work(pgRunner(reader));
  const sqlite = await sqliteConnection();
  if (!sqlite) throw new Error('no database connection');
  return work(sqliteRunner(sqlite.client));
}

/*
 * PostgreSQL. The connection pipelines: BEGIN goes out with the first read, and statements a caller issues together
 * (`Promise.all`) share a round trip. Statements are prepared once per connection (named by their text's hash), so
 * PostgreSQL — on the same cores — parses and plans each only once.
 */
type PgQueryable = { query(config: pg.QueryConfig): Promise<pg.QueryResult> };

async function pgTransaction<T>(pool: pg.Pool, work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let healthy = true;
  try {
    const begin = client.query('BEGIN');
    begin.catch(() => undefined); // awaited with every statement below; this only marks it handled
    const transaction: PgTransaction = { begin, ended: null };
    const runner = pgRunner(client, transaction);
    try {
      const result = await work(runner);
      if (!transaction.ended) await client.query('COMMIT');
      // executeLast sent COMMIT already; if the work swallowed its failure, the transaction still did not happen.
      else if ((await transaction.ended) !== 'COMMIT') throw new Error('the transaction was rolled back');
      return result;
    } catch (error) {
      if (transaction.ended) {
        // COMMIT went out with the last statements. Had it failed, whether the transaction survived is unknown
        // on this connection's side: it is not reused.
        await transaction.ended.catch(() => (healthy = false));
      } else {
        // A failed statement already aborted the transaction; ROLLBACK ends it (and fails only if the connection is gone).
        await client.query('ROLLBACK').catch(() => (healthy = false));
      }
      throw error;
    }
  } finally {
    client.release(healthy ? undefined : true);
  }
}

/** BEGIN's reply, and once executeLast has sent COMMIT, the command PostgreSQL answered (COMMIT or ROLLBACK). */
type PgTransaction = { begin: Promise<unknown>; ended: Promise<string> | null };

/**
 * Every statement also awaits the transaction's BEGIN (when there is one): had BEGIN failed, the statements behind
 * it would have run outside any transaction, so none of their results may be trusted and the caller fails.
 */
function pgRunner(client: PgQueryable, transaction?: PgTransaction): SqlRunner {
  const send = (statement: Prisma.Sql) =>
    client.query({ name: statementName(statement.text), text: statement.text, values: statement.values.map(pgValue), types: PG_TYPES });
  const run = async (statement: Prisma.Sql) => {
    if (transaction?.ended) throw new Error('the transaction has ended: executeLast must be its last statement');
    const [, result] = await Promise.all([transaction?.begin, send(statement)]);
    return result;
  };
  return {
    dialect: 'postgresql',
    query: async <T>(statement: Prisma.Sql) => (await run(statement)).rows as T[],
    execute: async (statement: Prisma.Sql) => (await run(statement)).rowCount ?? 0,
    executeLast: async (statements) => {
      if (!transaction) return executeInOrder(statements, async (statement) => (await run(statement)).rowCount ?? 0);
      if (transaction.ended) throw new Error('the transaction has ended: executeLast must be its last statement');
      // All in one write: the statements, then COMMIT. A statement that fails aborts the transaction, and the COMMIT
      // behind it then only ends it (PostgreSQL answers ROLLBACK), so nothing of it is kept.
      const results = statements.map((statement) => send(statement));
      const commit = client.query({ text: 'COMMIT' });
      transaction.ended = commit.then((reply) => reply.command);
      transaction.ended.catch(() => undefined); // awaited below and by pgTransaction; this only marks it handled
      const [, settled] = await Promise.all([transaction.begin, Promise.allSettled(results)]);
      const failed = settled.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      const command = await transaction.ended;
      if (command !== 'COMMIT') throw new Error(`the transaction was not committed (PostgreSQL answered ${command})`);
      return settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.rowCount ?? 0 : 0));
    },
  };
}

const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `warden_${createHash('sha1').update(text).digest('base64url')}`;
    if (statementNames.size < 500) statementNames.set(text, name); // the multi-row audit INSERT varies in shape
  }
  return name;
}

/**
 * Values as Prisma stores them: `timestamp(3)` columns hold UTC without a zone. pg would send a Date in the process's
 * local zone and read a zone-less timestamp back as local time; both are pinned to UTC here.
 */
function pgValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? null : value;
}

const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID && format !== 'binary' ? parseUtcTimestamp : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};
