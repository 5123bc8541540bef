import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '../../generated/postgresql/client';
import type { ChangeFeed, ConnectionStats, DatabaseEngine, Db, Sql, SqlRunner } from '../engine';
import { GroupedWrites } from './grouped-writes';
import { NotifyListener } from './notify-listener';
import { createPgPool } from './pool';
import { PgReader } from './reader';
import { pgRunner, pgTransaction } from './transaction';

/** Enough connections for 16 agent calls in flight (each holds one only for its transaction); see docs/BENCHMARKS.md. */
const GATE_POOL_SIZE = 8;

/**
 * Warden on PostgreSQL: Prisma on a pool for the console, and the hot path on `pg` directly — the key lookups and the
 * reads of open grants on one shared pipelined connection (lib/db/postgres/reader.ts), transactions and grouped writes
 * on a pool of their own, whose clients pipeline (Prisma's adapter does not expect that of its clients).
 */
export function createPostgresEngine(url: string): DatabaseEngine {
  return new PostgresEngine(url);
}

class PostgresEngine implements DatabaseEngine {
  readonly dialect = 'postgresql';
  readonly prisma: Db;
  // Prisma's pool is ours (not the adapter's own) so that its connections coalesce their writes too (./pool.ts).
  private readonly prismaPool: pg.Pool;
  private gate: { pool: pg.Pool; writes: GroupedWrites } | null = null;
  private reader: PgReader | null = null;
  private listener: NotifyListener | null = null;

  constructor(private readonly url: string) {
    // JIT off: the console's counts over 100,000 pending actions are costed high enough for PostgreSQL to compile
    // them, which took ~1 s of each ~1.3 s "waiting for me" count (docs/BENCHMARKS.md, queue round 1).
    this.prismaPool = createPgPool({ connectionString: url, max: 10, options: '-c jit=off' });
    // The PostgreSQL client is generated from the same schema as SQLite's, whose types stand for both (engine.ts).
    this.prisma = new PrismaClient({ adapter: new PrismaPg(this.prismaPool) }) as unknown as Db;
  }

  read<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
    this.reader ??= new PgReader({ connectionString: this.url });
    return work(pgRunner(this.reader));
  }

  transaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
    return pgTransaction(this.gatePool().pool, work);
  }

  commitWrites(statements: Sql[]): Promise<number[]> {
    return this.gatePool().writes.commit(statements);
  }

  async commitsWritesApart(): Promise<boolean> {
    return true;
  }

  connectionStats(): ConnectionStats[] {
    const stats = [poolStats('console', this.prismaPool)];
    if (this.gate) stats.push(poolStats('gate', this.gate.pool));
    return stats;
  }

  changeFeed(): ChangeFeed {
    return (this.listener ??= new NotifyListener(this.url));
  }

  async close(): Promise<void> {
    const { gate, reader, listener } = this;
    this.gate = null;
    this.reader = null;
    this.listener = null;
    await listener?.close();
    await this.prisma.$disconnect();
    await gate?.pool.end();
    await reader?.end();
    await this.prismaPool.end(); // an external pool: the adapter leaves it open
  }

  private gatePool() {
    if (!this.gate) {
      const pool = createPgPool({ connectionString: this.url, max: GATE_POOL_SIZE, pipeline: true });
      this.gate = { pool, writes: new GroupedWrites(pool) };
    }
    return this.gate;
  }
}

function poolStats(name: string, pool: pg.Pool): ConnectionStats {
  return { pool: name, open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
