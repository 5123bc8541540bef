import { closeSync, fsync, openSync } from 'node:fs';
import type { Prisma } from '../generated/sqlite/client';
import type { SqliteConnection } from './client';
import type { SqlRunner } from './sql-runner';

// The gate's SQL on SQLite: statements on the connection Prisma's adapter owns, and the group commit that makes one
// fsync serve many proposals. Reached through lib/db/sql-runner.ts.

type SqliteClient = {
  prepare(sql: string): { all(...args: unknown[]): unknown[]; run(...args: unknown[]): { changes: number } };
  readonly inTransaction: boolean;
  readonly name: string;
};

/** Values as Prisma's SQLite adapter stores them, so rows written here read back the same through Prisma. */
export function sqliteValue(value: unknown): unknown {
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

export function sqliteRunner(client: SqliteClient): SqlRunner {
  const execute = (statement: Prisma.Sql) => statementOf(client, statement.sql).run(...statement.values.map(sqliteValue)).changes;
  return {
    dialect: 'sqlite',
    query: async <T>(statement: Prisma.Sql) => statementOf(client, statement.sql).all(...statement.values.map(sqliteValue)) as T[],
    execute: async (statement: Prisma.Sql) => execute(statement),
    executeLast: async (statements) => statements.map(execute),
  };
}

/** `work` as one job of the group commit (below): atomic under its own savepoint, answered once on disk. */
export function sqliteTransaction<T>(sqlite: SqliteConnection, work: (runner: SqlRunner) => Promise<T>): Promise<T> {
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
type Sqlite = SqliteConnection;
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
  let settled = () => {};
  const inFlight = new Promise<void>((resolve) => (settled = resolve));
  sqlite.walUsers.add(inFlight);
  void inFlight.then(() => sqlite.walUsers.delete(inFlight));
  try {
    await commitAndSync(sqlite, batch, settled);
  } catch (error) {
    settled();
    throw error;
  }
}

/** Calls `settled` once the batch needs the WAL file no more: after its fsync, or when it could not commit. */
async function commitAndSync(sqlite: Sqlite, batch: Job[], settled: () => void): Promise<void> {
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
    settled();
    return;
  } finally {
    restoreFullSync(client);
    sqlite.batch = null;
    endBatch();
    await lock?.commit(); // releases the adapter's lock; COMMIT/ROLLBACK above already ended the transaction
  }
  syncWal(sqlite).finally(settled).then(
    () => batch.forEach((job, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    }),
    // Committed, but not known to be on disk: nobody may act on it as if it were (fail closed).
    (error) => {
      batch.forEach((job) => job.reject(error));
      stopServingAfterFailedSync(String(error));
    },
  );
}

/**
 * After a failed fsync the kernel may have dropped the WAL frames and will not report it again, so no later commit on
 * the file could be trusted to be on disk. Like PostgreSQL, stop serving rather than acknowledge writes that may be lost.
 */
export function stopServingAfterFailedSync(failure: string): never {
  console.error(`[warden] the SQLite WAL could not be synced (${failure}); stopping: no later commit could be trusted to be on disk`);
  process.exit(1);
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
 * Closes the WAL file kept open for the group commit's fsyncs, once no batch still needs it. Closed under an fsync in
 * flight, that fsync would fail (and the server stop, above); closed before one starts, its number could by then be
 * another file's, and the sync would cover the wrong file while the commit is answered as durable.
 */
export async function closeWal(sqlite: Sqlite): Promise<void> {
  while (sqlite.walUsers.size > 0) await Promise.all(sqlite.walUsers);
  if (sqlite.walFd !== undefined) closeSync(sqlite.walFd);
  sqlite.walFd = undefined;
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
