import { PrismaClient } from '../../generated/sqlite/client';
import type { DatabaseEngine, Db, FatalDatabaseFailure, Sql, SqlRunner } from '../engine';
import { preparePrivateSqliteFile } from '../private-sqlite-file';
import { DurableSqliteAdapterFactory, type SqliteConnection } from './connection';
import { sqliteRunner } from './group-commit';
import type { SqliteWorkerConnection } from './worker-connection';

/**
 * Warden on one SQLite file: Prisma on one connection (which the gate's transactions share, under group commit:
 * lib/db/sqlite/group-commit.ts), the hot path's reads and grouped writes on a connection of their own in a worker
 * thread (lib/db/sqlite/worker-connection.ts), and WAL checkpoints on a third (lib/db/sqlite/checkpointer.ts).
 */
export function createSqliteEngine(file: string, onFatal: FatalDatabaseFailure): DatabaseEngine {
  return new SqliteEngine(file, onFatal);
}

export class SqliteEngine implements DatabaseEngine {
  readonly dialect = 'sqlite';
  readonly prisma: Db;
  private readonly factory: DurableSqliteAdapterFactory;
  /** Set by a failure after which no commit on the file could be trusted to be on disk: the engine serves no more. */
  private fatal: Error | null = null;

  constructor(file: string, onFatal: FatalDatabaseFailure) {
    preparePrivateSqliteFile(file);
    this.factory = new DurableSqliteAdapterFactory(file, (error) => {
      this.fatal ??= error;
      onFatal(error);
    });
    this.prisma = new PrismaClient({ adapter: this.factory });
  }

  /** The connection Prisma uses, opening it if needed. */
  async connection(): Promise<SqliteConnection> {
    if (this.fatal) throw this.fatal;
    if (!this.factory.connection) await this.prisma.$connect();
    if (!this.factory.connection) throw new Error('SQLite connection did not open');
    return this.factory.connection;
  }

  async read<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
    const connection = await this.connection();
    return work(connection.worker.available ? workerRunner(connection.worker) : sqliteRunner(connection.client));
  }

  async transaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
    return (await this.connection()).groupCommit.run(work);
  }

  /** On the worker's connection; should the worker have failed, they join the main connection's group commit. */
  async commitWrites(statements: Sql[]): Promise<number[]> {
    const connection = await this.connection();
    if (connection.worker.available) return connection.worker.commit(statements);
    return connection.groupCommit.run((runner) => runner.executeLast(statements));
  }

  async commitsWritesApart(): Promise<boolean> {
    return (await this.connection()).worker.available;
  }

  async close(): Promise<void> {
    await this.factory.close();
    await this.prisma.$disconnect();
  }
}

function workerRunner(worker: SqliteWorkerConnection): SqlRunner {
  return {
    dialect: 'sqlite',
    query: (statement) => worker.query(statement),
    execute: async (statement) => (await worker.commit([statement]))[0],
    executeLast: (statements) => worker.commit(statements),
  };
}
