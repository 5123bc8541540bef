import Database from 'better-sqlite3';
import type { FatalDatabaseFailure, Sql, SqlRunner } from '../engine';
import type { ConnectionTurns } from './turns';
import { sqliteValue } from './values';
import type { WalSync } from './wal-sync';

// The gate's transactions on SQLite: a connection of the server's thread that only they use, and the group commit that
// makes one fsync serve many proposals.

export type SqliteHandle = {
  prepare(sql: string): { all(...args: unknown[]): unknown[]; run(...args: unknown[]): { changes: number } };
  readonly inTransaction: boolean;
};

/** Prepared statements, kept per connection: the gate runs the same few statements over and over. */
const prepared = new WeakMap<SqliteHandle, Map<string, ReturnType<SqliteHandle['prepare']>>>();

function statementOf(client: SqliteHandle, text: string) {
  let cache = prepared.get(client);
  if (!cache) prepared.set(client, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) {
    statement = client.prepare(text);
    if (cache.size < 500) cache.set(text, statement); // the multi-row audit INSERT varies in shape; keep the cache bounded
  }
  return statement;
}

export function sqliteRunner(client: SqliteHandle): SqlRunner {
  const execute = (statement: Sql) =>
    statementOf(client, statement.sql).run(...statement.values.map(sqliteValue)).changes;
  return {
    dialect: 'sqlite',
    query: async <T>(statement: Sql) =>
      statementOf(client, statement.sql).all(...statement.values.map(sqliteValue)) as T[],
    execute: async (statement: Sql) => execute(statement),
    executeLast: async (statements) => statements.map(execute),
  };
}

type Job = {
  work: (runner: SqlRunner) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
const MAX_BATCH = 64;
/** As Prisma's connection (lib/db/sqlite/prisma-adapter.ts). */
const BUSY_MS = 5000;
const GATHER_MS = 2;

/*
 * Group commit on SQLite. With synchronous=FULL every COMMIT waits for an fsync, and better-sqlite3 waits on the
 * event loop: one commit per proposal capped the gate at the disk's fsync rate, and the server did nothing else
 * meanwhile. Instead:
 * - work that arrives within GATHER_MS, or while a batch runs, joins one batch; each job runs under its own
 *   SAVEPOINT (a failing job rolls back alone), and the batch commits once;
 * - the connection commits at synchronous=NORMAL, and every caller is answered only after the WAL's fsync on libuv's
 *   thread pool (lib/db/sqlite/wal-sync.ts), while the event loop serves other requests and the next batch runs.
 * A batch takes its turn with Prisma's transactions (lib/db/sqlite/turns.ts) and holds it until it has committed.
 * The queue belongs to the connection: once closed, jobs still waiting are refused, never run elsewhere.
 */
export class GroupCommit {
  private connection: Database.Database | null = null;
  /** 0 while the checkpointer runs (lib/db/sqlite/checkpointer.ts). */
  private autocheckpoint = 0;
  private queue: Job[] = [];
  private flushing = false;
  private closed: Error | null = null;
  /** Batches from their start until their fsync: the connection stays open while any runs. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly file: string,
    private readonly turns: ConnectionTurns,
    private readonly walSync: WalSync,
    private readonly onFatal: FatalDatabaseFailure,
  ) {}

  /** `work` as one job: atomic under its own savepoint, answered once on disk. */
  run<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve, reject } as Job);
      if (!this.flushing) {
        // Hold the first job a moment so others that are on their way can share its commit (one fsync for all).
        this.flushing = true;
        setTimeout(() => void this.flush(), GATHER_MS);
      }
    });
  }

  /** Jobs queued for the next batch (for metrics). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Refuses new jobs and those not yet started, lets the batch in flight commit and sync, then closes the connection. */
  async close(reason: Error): Promise<void> {
    this.closed ??= reason;
    const waiting = this.queue;
    this.queue = [];
    for (const job of waiting) job.reject(this.closed);
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    this.connection?.close();
    this.connection = null;
  }

  /** Statements outside any transaction, once no batch is open (it would show them its uncommitted rows). */
  async read<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
    if (this.closed) throw this.closed;
    await this.turns.batchesDone();
    return work(sqliteRunner(this.open()));
  }

  /** When the WAL checkpointer fails, this connection checkpoints as it commits (SQLite's default of 1,000 pages). */
  checkpointAsItCommits(): void {
    this.autocheckpoint = 1000;
    this.connection?.pragma('wal_autocheckpoint = 1000');
  }

  private open(): Database.Database {
    if (!this.connection) {
      const connection = new Database(this.file, { timeout: BUSY_MS });
      connection.pragma('journal_mode = WAL');
      connection.pragma('synchronous = NORMAL'); // the group commit syncs the WAL itself, before it answers
      connection.pragma('foreign_keys = ON');
      connection.pragma('temp_store = MEMORY'); // savepoint journals: on a temp file they cost two writes per page
      connection.pragma(`wal_autocheckpoint = ${this.autocheckpoint}`);
      this.connection = connection;
    }
    return this.connection as SqliteHandle & Database.Database;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.slice(0, MAX_BATCH);
        this.queue = this.queue.slice(MAX_BATCH);
        await this.commitBatch(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Returns once the batch is committed (not yet synced) and the lock released; callers are answered after the sync. */
  private async commitBatch(batch: Job[]): Promise<void> {
    let settled = () => {};
    const inFlight = new Promise<void>((resolve) => (settled = resolve));
    this.inFlight.add(inFlight);
    void inFlight.then(() => this.inFlight.delete(inFlight));
    const outcomes = await this.commit(batch);
    if (!outcomes) {
      settled();
      return;
    }
    this.walSync
      .sync()
      .finally(settled)
      .then(
        () =>
          batch.forEach((job, index) => {
            const outcome = outcomes[index];
            if (outcome?.ok) job.resolve(outcome.value);
            else job.reject(outcome ? outcome.error : new Error('the group commit lost this job'));
          }),
        // Committed, but not known to be on disk: nobody may act on it as if it were (fail closed).
        (error: unknown) => {
          const failure = new Error(
            `the SQLite WAL could not be synced (${String(error)}); no later commit could be trusted to be on disk`,
          );
          batch.forEach((job) => job.reject(failure));
          this.fail(failure);
        },
      );
  }

  /**
   * Runs the batch in one transaction and commits it (at NORMAL: not yet synced). Every job is answered here if the
   * batch could not commit (null), else by the caller after the sync.
   */
  private async commit(batch: Job[]): Promise<Outcome[] | null> {
    const endTurn = await this.turns.take();
    let endBatch = () => {};
    this.turns.batch = new Promise<void>((resolve) => (endBatch = resolve));
    const outcomes: Outcome[] = [];
    let failure: { error: unknown } | null = null;
    let client: SqliteHandle | null = null;
    try {
      client = this.open();
      const runner = sqliteRunner(client);
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
      failure = { error };
      try {
        if (client?.inTransaction) client.prepare('ROLLBACK').run();
      } catch {
        // a failed ROLLBACK leaves nothing committed either; the callers must still be answered
      }
    }
    this.turns.batch = null;
    endBatch();
    endTurn();
    if (failure) {
      // The batch could not be committed: nothing in it happened, and every caller is told so.
      for (const job of batch) job.reject(failure.error);
      return null;
    }
    return outcomes;
  }

  /** After a failed fsync the kernel may have dropped the WAL frames and will not report it again. */
  private fail(failure: Error): void {
    this.closed ??= failure;
    this.onFatal(failure);
  }
}
