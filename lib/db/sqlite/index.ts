import type { Worker } from 'node:worker_threads';
import { PrismaClient } from '../../generated/sqlite/client';
import type { ConnectionStats, DatabaseEngine, Db, FatalDatabaseFailure, Sql, SqlRunner } from '../engine';
import { preparePrivateSqliteFile } from '../private-sqlite-file';
import { startCheckpointer } from './checkpointer';
import { GroupCommit } from './group-commit';
import { durablePrismaAdapter, type SqliteAdapter } from './prisma-adapter';
import { ConnectionTurns } from './turns';
import { WalSync } from './wal-sync';
import { SqliteWorkerConnection } from './worker-connection';
import { logger } from '../../logging/logger';

/**
 * Warden on one SQLite file, each connection opened through its driver's public API: Prisma's (through its adapter,
 * lib/db/sqlite/prisma-adapter.ts) for the console; the gate's transactions on one of their own on the server's thread,
 * under group commit (lib/db/sqlite/group-commit.ts), taking turns with Prisma's transactions; the hot path's reads and
 * grouped writes on one in a worker thread (lib/db/sqlite/worker-connection.ts); WAL checkpoints on one in another
 * (lib/db/sqlite/checkpointer.ts).
 */
export function createSqliteEngine(file: string, onFatal: FatalDatabaseFailure): DatabaseEngine {
  return new SqliteEngine(file, onFatal);
}

export class SqliteEngine implements DatabaseEngine {
  readonly dialect = 'sqlite';
  readonly prisma: Db;
  readonly groupCommit: GroupCommit;
  readonly worker: SqliteWorkerConnection;
  /** The WAL's fsync for the connections that commit on the server's thread (the group commit's and Prisma's). */
  readonly walSync: WalSync;
  private readonly turns = new ConnectionTurns();
  private prismaAdapter: SqliteAdapter | null = null;
  private checkpointer: Worker | null = null;
  private closed = false;
  /** Set by a failure after which no commit on the file could be trusted to be on disk: the engine serves no more. */
  private fatal: Error | null = null;

  constructor(
    private readonly file: string,
    onFatal: FatalDatabaseFailure,
  ) {
    preparePrivateSqliteFile(file);
    const fatal = (error: Error) => {
      this.fatal ??= error;
      onFatal(error);
    };
    this.walSync = new WalSync(`${file}-wal`);
    this.groupCommit = new GroupCommit(file, this.turns, this.walSync, fatal);
    this.worker = new SqliteWorkerConnection(file, { autocheckpoint: false, onFatal: fatal });
    const durability = { turns: this.turns, walSync: this.walSync, failure: () => this.fatal, fail: fatal };
    const adapter = durablePrismaAdapter(file, durability, (connected) => {
      this.prismaAdapter = connected;
      this.startCheckpointer();
    });
    this.prisma = new PrismaClient({ adapter });
  }

  async read<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
    this.ready();
    if (this.worker.available) return work(workerRunner(this.worker));
    return this.groupCommit.read(work);
  }

  async transaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
    this.ready();
    return this.groupCommit.run(work);
  }

  /** On the worker's connection; should the worker have failed, they join the group commit. */
  async commitWrites(statements: Sql[]): Promise<number[]> {
    this.ready();
    if (this.worker.available) return this.worker.commit(statements);
    return this.groupCommit.run((runner) => runner.executeLast(statements));
  }

  async commitsWritesApart(): Promise<boolean> {
    return this.worker.available;
  }

  /** One connection each: the hot path's worker and the group commit's, with the jobs waiting on each. */
  connectionStats(): ConnectionStats[] {
    const worker = this.worker.waiting;
    const group = this.groupCommit.waiting;
    return [
      { pool: 'worker', open: this.worker.available ? 1 : 0, idle: worker === 0 ? 1 : 0, waiting: worker },
      { pool: 'transactions', open: 1, idle: group === 0 ? 1 : 0, waiting: group },
    ];
  }

  /** What was sent is committed, synced and answered; what waits is refused; then every connection and file closes. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.worker.stop(), this.groupCommit.close(new Error('the SQLite engine was closed'))]);
    const checkpointer = this.checkpointer;
    this.checkpointer = null; // first: its exit is then not taken for a failure
    await checkpointer?.terminate();
    await this.prisma.$disconnect();
    await this.walSync.close();
  }

  private ready(): void {
    if (this.fatal) throw this.fatal;
    this.startCheckpointer();
  }

  /** One checkpointer per engine, from its first use; should it fail, every connection checkpoints as it commits. */
  private startCheckpointer(): void {
    if (this.checkpointer || this.closed) return;
    const checkpointer = startCheckpointer(this.file, (error) => {
      if (this.checkpointer !== checkpointer) return; // stopped on purpose
      logger().error({ err: error }, 'WAL checkpoints are back on the connections that commit');
      this.worker.checkpointAsItCommits();
      this.groupCommit.checkpointAsItCommits();
      this.prismaAdapter?.executeScript('PRAGMA wal_autocheckpoint = 1000').catch(() => undefined); // closed: nothing to checkpoint from it
    });
    this.checkpointer = checkpointer;
  }
}

function workerRunner(worker: SqliteWorkerConnection): SqlRunner {
  return {
    dialect: 'sqlite',
    query: (statement) => worker.query(statement),
    execute: async (statement) => (await worker.commit([statement]))[0] ?? 0,
    executeLast: (statements) => worker.commit(statements),
  };
}
