import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { databaseTarget, type DatabaseTarget } from '../env';
import { preparePrivateSqliteFile } from './private-sqlite-file';

/**
 * Applies prisma/migrations/<provider>/*\/migration.sql: each file once, in name order, in its own transaction,
 * recording a checksum. An applied file that changed afterwards stops start-up: the database no longer matches history.
 * On PostgreSQL an advisory lock keeps several app instances starting at once from migrating twice.
 */
type Migration = { name: string; sql: string; checksum: string };

const TABLE = `CREATE TABLE IF NOT EXISTS "_warden_migrations" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`;
const LOCK_ID = 804_113_577; // any constant shared by every instance

export function readMigrations(provider: DatabaseTarget['provider'], root = process.cwd()): Migration[] {
  const dir = path.join(root, 'prisma/migrations', provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

function pendingMigrations(all: Migration[], applied: Map<string, string>): Migration[] {
  for (const migration of all) {
    const checksum = applied.get(migration.name);
    if (checksum && checksum !== migration.checksum) {
      throw new Error(
        `Migration ${migration.name} was changed after it was applied; restore it and add a new migration instead.`,
      );
    }
  }
  return all.filter((migration) => !applied.has(migration.name));
}

/** Returns the names of the migrations it applied. */
export async function migrateDatabase(target: DatabaseTarget = databaseTarget()): Promise<string[]> {
  return target.provider === 'sqlite' ? migrateSqlite(target.file) : migratePostgres(target.url);
}

function migrateSqlite(file: string): string[] {
  preparePrivateSqliteFile(file);
  const sqlite = new Database(file, { timeout: 5000 });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    // Table rebuilds (how SQLite alters columns) drop and recreate referenced tables: foreign keys are switched off
    // for the run — the pragma is ignored inside a transaction — and every migration is checked before it commits.
    sqlite.pragma('foreign_keys = OFF');
    sqlite.exec(TABLE);
    const applied = new Map(
      sqlite
        .prepare('SELECT name, checksum FROM _warden_migrations')
        .all()
        .map((row) => {
          const { name, checksum } = row as { name: string; checksum: string };
          return [name, checksum] as const;
        }),
    );
    const pending = pendingMigrations(readMigrations('sqlite'), applied);
    for (const migration of pending) {
      sqlite
        .transaction(() => {
          sqlite.exec(migration.sql);
          const broken = sqlite.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0)
            throw new Error(`Migration ${migration.name} leaves ${broken.length} broken foreign keys.`);
          sqlite
            .prepare('INSERT INTO _warden_migrations (name, checksum, applied_at) VALUES (?, ?, ?)')
            .run(migration.name, migration.checksum, new Date().toISOString());
        })
        .immediate();
    }
    return pending.map((migration) => migration.name);
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(TABLE);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM _warden_migrations',
    );
    const pending = pendingMigrations(readMigrations('postgresql'), new Map(rows.map((r) => [r.name, r.checksum])));
    for (const migration of pending) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO _warden_migrations (name, checksum, applied_at) VALUES ($1, $2, $3)', [
          migration.name,
          migration.checksum,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return pending.map((migration) => migration.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
