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
  return {
    query: async <T>(statement: Prisma.Sql) => statementOf(client, statement.sql).all(...statement.values.map(sqliteValue)) as T[],
    execute: async (statement: Prisma.Sql) => statementOf(client, statement.sql).run(...statement.values.map(sqliteValue)).changes,
  };
}

/**
 * Runs `work` atomically and durably. On PostgreSQL: an ordinary Prisma transaction (the server group-commits).
 * On SQLite: group commit — see `commitInGroups` below.
 */
export async function inTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const sqlite = await sqliteConnection();
  if (!sqlite) return db().$transaction((tx) => work(prismaRunner(tx)));
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
 * event loop: one commit per proposal capped the gate at the disk's fsync rate. Instead, work that arrives while a
 * batch is committing waits for the next batch; a batch runs each job under its own SAVEPOINT (a failing job rolls
 * back alone), then commits once. Every caller is answered only after that COMMIT, so durability is unchanged.
 * The batch holds the adapter's transaction lock, so no Prisma transaction interleaves.
 */
type Job = { work: (runner: SqlRunner) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
const MAX_BATCH = 64;
const GATHER_MS = 2;
let queue: Job[] = [];
let flushing = false;

async function flush(sqlite: NonNullable<Awaited<ReturnType<typeof sqliteConnection>>>): Promise<void> {
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

async function commitBatch(sqlite: NonNullable<Awaited<ReturnType<typeof sqliteConnection>>>, batch: Job[]): Promise<void> {
  const { client } = sqlite;
  const runner = sqliteRunner(client);
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  let lock: Awaited<ReturnType<typeof sqlite.adapter.startTransaction>> | undefined;
  try {
    lock = await sqlite.adapter.startTransaction();
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
      client.prepare('ROLLBACK').run();
    } catch {
      // no transaction was open
    }
    for (const job of batch) job.reject(error);
    return;
  } finally {
    await lock?.commit(); // releases the adapter's lock; COMMIT/ROLLBACK above already ended the transaction
  }
  batch.forEach((job, index) => {
    const outcome = outcomes[index];
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}

/** A single statement outside any transaction (reads on the hot path, e.g. the key lookup). */
export async function runOutsideTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const sqlite = await sqliteConnection();
  return work(sqlite ? sqliteRunner(sqlite.client) : prismaRunner(db() as unknown as Tx));
}
