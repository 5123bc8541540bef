import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient, type Prisma } from '../generated/sqlite/client';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client';
import { databaseTarget } from '../env';

/**
 * The one Prisma client of the process. Both generated clients have the same API (they come from one schema);
 * the SQLite one's types stand for both.
 */
export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;

/**
 * Decisions must survive a power cut: WAL with synchronous=FULL (better-sqlite3 would otherwise leave WAL at NORMAL),
 * foreign keys on, and a busy timeout so the admin CLI and the server can share the file.
 */
export const SQLITE_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;';

class DurableSqliteAdapterFactory extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return adapter;
  }
}

function createClient(): Db {
  const target = databaseTarget();
  if (target.provider === 'sqlite') {
    mkdirSync(path.dirname(target.file), { recursive: true });
    return new SqliteClient({ adapter: new DurableSqliteAdapterFactory({ url: `file:${target.file}`, timeout: 5000 }) });
  }
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10 }) });
  return client as unknown as Db;
}

const globalForDb = globalThis as unknown as { wardenDb?: Db };

export function db(): Db {
  globalForDb.wardenDb ??= createClient();
  return globalForDb.wardenDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.wardenDb?.$disconnect();
  globalForDb.wardenDb = undefined;
}
