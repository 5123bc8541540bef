import { Worker } from 'node:worker_threads';
import { logger } from '../../logging/logger';
import type { FatalDatabaseFailure, Sql } from '../engine';
import { threadFile } from './thread-file';
import { sqliteValue } from './values';
import type { Reply, Request, WireStatement, WorkerSettings } from './worker-protocol';

/**
 * The agent API's hot path on SQLite, on a connection of its own in a worker thread. On the server's connection a
 * proposal cost the one thread that serves every request ~1.75 ms of CPU, against ~1.0 ms for the same request with
 * the database left out; most of the difference was SQLite's: the statements, the WAL frames a commit writes, the
 * fsync's system calls, and a cold CPU cache each time (the same statements take two to four times less in a
 * process that does nothing else). Here the key lookups and the gate's reads (`runOutsideTransaction`) and the
 * writes that read nothing (`commitWrites`: the gate's record of a decision, the Idempotency-Key claims and
 * replies) run on the worker; the server's thread only posts and receives messages. See docs/BENCHMARKS.md, round 4.
 *
 * The server posts what its callers asked in one turn of its event loop as one message. The worker answers the
 * reads at once; the writes of one message commit as one transaction, each caller's statements under a savepoint of
 * their own (a failing caller rolls back alone). Callers are answered only after an fsync that began after their
 * COMMIT, so nothing is acknowledged before it is on disk; up to two fsyncs of the WAL are in flight, and the commits
 * made while both run share the next. (Other readers may see rows a moment before that fsync ends, as
 * with the main connection's group commit: acknowledging is what waits.) A failed fsync stops the server.
 *
 * Both connections take the write lock with BEGIN IMMEDIATE, so neither can deadlock the other. The worker holds it
 * only while it writes and commits (the COMMIT runs at NORMAL; the fsync follows, outside the lock); a transaction
 * of the server's connection that meets it waits in SQLite's busy handler, which sleeps on the server's thread (a
 * millisecond or more). When the server's connection holds the lock, the worker does not wait in that handler: it
 * retries from its event loop, answering reads meanwhile, and fails the waiting writes after 5 s (BUSY_MS in
 * lib/db/sqlite/worker-thread.cjs).
 *
 * Should the worker fail, its callers in flight are told (fail closed) and the hot path goes back to the server's
 * connection (`available` turns false). Stopping it lets it finish what it was sent first.
 */

/** Distinct statement texts the worker keeps by number; beyond them a statement travels with its text each time. */
const MAX_REFS = 1000;

/** As the server's connection (SQLITE_PRAGMAS in lib/db/sqlite/connection.ts). */
const BUSY_MS = 5000;
type Pending = { resolve: (result: never) => void; reject: (error: Error) => void };

export class SqliteWorkerConnection {
  /** Started on first use: a process that never proposes (the admin CLI, a migration) starts no thread. */
  private thread: { worker: Worker; exited: Promise<void> } | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly refs = new Map<string, number>();
  private outbox: Request[] = [];
  private nextId = 1;
  private failure: Error | null = null;
  private stopping: Promise<void> | null = null;

  private autocheckpoint: boolean;
  /** Told of a failed fsync: no later commit could be trusted to be on disk, on this connection or any other. */
  private readonly onFatal: FatalDatabaseFailure;

  constructor(
    private readonly file: string,
    options: { autocheckpoint: boolean; onFatal: FatalDatabaseFailure },
  ) {
    this.autocheckpoint = options.autocheckpoint;
    this.onFatal = options.onFatal;
  }

  private start(): Worker {
    if (this.thread) return this.thread.worker;
    const workerData: WorkerSettings = {
      file: this.file,
      autocheckpoint: this.autocheckpoint ? 1000 : 0,
      busyMs: BUSY_MS,
    };
    const worker = new Worker(threadFile('worker-thread.cjs'), { workerData });
    // Idle, it never keeps the process alive; with callers waiting it does (a script's last await may be on it).
    worker.unref();
    worker.on('message', (replies: Reply[]) => {
      for (const reply of replies) {
        if (reply.fatal)
          this.failFatally(
            new Error(`the SQLite WAL ${reply.fatal.message}; no later commit could be trusted to be on disk`),
          );
        const caller = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (!caller) continue;
        if (reply.error)
          caller.reject(Object.assign(new Error(`SQLite: ${reply.error.message}`), { code: reply.error.code }));
        else caller.resolve((reply.rows ?? reply.counts) as never);
      }
      if (this.pending.size === 0) worker.unref();
    });
    worker.on('error', (error) => this.fail(error));
    const exited = new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        this.fail(new Error(`the SQLite worker connection exited with ${code}`));
        resolve();
      }),
    );
    this.thread = { worker, exited };
    return worker;
  }

  /** False once the worker has failed or was stopped: the hot path then runs on the main connection. */
  get available(): boolean {
    return this.failure === null;
  }

  /** Requests sent and not yet answered (for metrics). */
  get waiting(): number {
    return this.pending.size;
  }

  /** The rows of one read, outside any transaction. */
  query<T>(statement: Sql): Promise<T[]> {
    return this.send<T[]>([statement], (id, wired) => ({ id, kind: 'query', statement: onlyOne(wired) }));
  }

  /** The statements' row counts, once committed and synced; rejects if any fails, and then commits none of them. */
  commit(statements: Sql[]): Promise<number[]> {
    return this.send<number[]>(statements, (id, wired) => ({ id, kind: 'write', statements: wired }));
  }

  /** When the WAL checkpointer fails, the worker checkpoints as it commits (SQLite's default of 1,000 pages). */
  checkpointAsItCommits(): void {
    if (!this.thread)
      this.autocheckpoint = true; // it starts so
    else if (!this.failure) this.post({ id: 0, kind: 'autocheckpoint', pages: 1000 });
  }

  /**
   * New calls go to the main connection at once; what was already sent is committed, synced and answered, then the
   * worker closes its database and WAL file and ends. (Were callers failed at once, writes already on their way
   * would commit all the same, reported as failed.) Anything it could not answer fails when it exits (`fail`).
   */
  async stop(): Promise<void> {
    this.failure ??= new Error('the SQLite worker connection was stopped');
    if (!this.thread) return;
    if (!this.stopping) {
      const { worker, exited } = this.thread;
      this.flush();
      worker.postMessage([{ id: 0, kind: 'close' }]);
      const timer = setTimeout(() => void worker.terminate(), 10_000);
      this.stopping = exited.then(() => clearTimeout(timer));
    }
    await this.stopping;
  }

  private send<T>(statements: Sql[], request: (id: number, wired: WireStatement[]) => Request): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    let wired: WireStatement[];
    try {
      wired = this.wire(statements); // may throw (a value SQLite cannot store): then nothing is registered or sent
    } catch (error) {
      return Promise.reject(error);
    }
    const id = this.nextId++;
    const worker = this.start();
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve: resolve as (result: never) => void, reject });
      this.post(request(id, wired));
    });
  }

  /** Requests of one turn of the event loop go as one message: a message costs more than its contents. */
  private post(request: Request): void {
    // At the end of the turn, not at the end of the current task: that sent one message per caller (measured worse).
    if (this.outbox.push(request) === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const requests = this.outbox;
    this.outbox = [];
    if (requests.length > 0) this.thread?.worker.postMessage(requests);
  }

  /** Values first (converting one may throw), then statement numbers: a number is only given with its text. */
  private wire(statements: Sql[]): WireStatement[] {
    const values = statements.map((statement) => statement.values.map(sqliteValue));
    return statements.map((statement, index) => {
      const wired = values[index] ?? [];
      const ref = this.refs.get(statement.sql);
      if (ref !== undefined) return { ref, values: wired };
      if (this.refs.size >= MAX_REFS) return { sql: statement.sql, values: wired };
      this.refs.set(statement.sql, this.refs.size + 1);
      return { ref: this.refs.size, sql: statement.sql, values: wired };
    });
  }

  /** A failed fsync: no later commit could be trusted to be on disk, on this connection or any other. */
  private failFatally(error: Error): void {
    this.fail(error);
    this.onFatal(error);
  }

  private fail(error: Error): void {
    if (!this.failure) {
      this.failure = error;
      logger().error(
        { err: error },
        'the SQLite worker connection failed; the hot path goes back to the main connection',
      );
    }
    // Callers whose writes were in flight cannot know whether they committed: they fail (closed).
    for (const caller of this.pending.values()) caller.reject(this.failure);
    this.pending.clear();
  }
}

/** A read is one statement: wiring it gives exactly one back. */
function onlyOne(wired: WireStatement[]): WireStatement {
  const [statement] = wired;
  if (!statement || wired.length !== 1) throw new Error(`a read is one statement, not ${wired.length}`);
  return statement;
}
