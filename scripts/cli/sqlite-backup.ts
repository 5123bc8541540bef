// The mechanics of `warden backup` and `warden restore` on SQLite: SQLite's online backup API (better-sqlite3's
// public `db.backup()`) both ways, so every copy is a consistent snapshot taken or written under SQLite's own locks.
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { verifyAuditChain } from '@/lib/audit/chain/verify-audit-chain';
import { migrateDatabase, readMigrations } from '@/lib/db/migrate';
import { preparePrivateSqliteFile } from '@/lib/db/private-sqlite-file';

/**
 * Pages per backup step: all of them. One step copies the whole file inside one read transaction of the source, so
 * the copy is one moment of the database even while a server writes (WAL: the writers go on meanwhile); in smaller
 * steps SQLite restarts the copy whenever another connection commits, which under steady load may never finish.
 */
const ALL_PAGES = 0x7fffffff;

export type DatabaseSummary = {
  actions: number;
  auditEvents: number;
  /** The sealed chain's end (null before the first seal). */
  head: { chainIndex: number; hash: string } | null;
};

export function describeHead(head: DatabaseSummary['head']): string {
  return head ? `chain head ${head.chainIndex}:${head.hash.slice(0, 12)}` : 'no chain head yet';
}

function summarize(conn: Database.Database): DatabaseSummary {
  const count = (table: string) => (conn.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
  const head = conn.prepare(`SELECT "chainIndex", "hash" FROM "AuditChainHead" WHERE "id" = 'main'`).get() as
    { chainIndex: number; hash: string } | undefined;
  return { actions: count('Action'), auditEvents: count('AuditEvent'), head: head ?? null };
}

/** Throws unless SQLite finds the file whole: a truncated or overwritten file fails here (or on its first read). */
function assertIntact(conn: Database.Database, what: string): void {
  let result: unknown;
  try {
    result = conn.pragma('integrity_check', { simple: true });
  } catch (error) {
    throw new Error(`${what} is not a sound SQLite database: ${(error as Error).message}`);
  }
  if (result !== 'ok') throw new Error(`${what} fails SQLite's integrity check: ${String(result)}`);
}

/** Makes a file's content and its directory entry durable before we report it written. */
function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const dir = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/**
 * A copy keeps the source's WAL mode; switched to a rollback journal it is one file that reading never adds -wal or
 * -shm files to. (The server switches the live file back to WAL when it starts.)
 */
function makeSelfContained(file: string): void {
  const conn = new Database(file, { fileMustExist: true });
  try {
    conn.pragma('journal_mode = DELETE');
  } finally {
    conn.close();
  }
}

/** An empty file only the owner may read (the database holds password hashes and webhook secrets). */
function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', 0o600));
}

/**
 * Copies the live database into `file` (which must not exist) while servers keep running. The copy is written under
 * a temporary name, switched to a rollback journal so it is one self-contained file, checked, synced, then renamed:
 * a backup that was interrupted never sits under the name asked for.
 */
export async function backupSqlite(live: string, file: string): Promise<DatabaseSummary> {
  if (existsSync(file)) throw new Error(`${file} already exists: a backup never overwrites a file`);
  if (!existsSync(path.dirname(file))) throw new Error(`the directory of ${file} does not exist`);
  if (!existsSync(live)) throw new Error(`there is no database at ${live}`);
  const partial = `${file}.partial-${process.pid}`;
  createPrivateFile(partial);
  try {
    const source = new Database(live, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      await source.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    makeSelfContained(partial);
    const copy = new Database(partial, { fileMustExist: true });
    let summary: DatabaseSummary;
    try {
      assertIntact(copy, 'the backup just written');
      summary = summarize(copy);
    } finally {
      copy.close();
    }
    syncFile(partial);
    renameSync(partial, file);
    syncFile(file);
    return summary;
  } finally {
    rmSync(partial, { force: true });
  }
}

export type RestoreCheck = DatabaseSummary & {
  /** Migrations the backup lacked, applied to the copy before it replaces the live file. */
  applied: string[];
  chain: { events: number; checkpoints: number; unsealed: number };
};

/**
 * Everything a backup must pass before it may replace the live file, run on a private copy of it (`staging`, in the
 * live file's directory): SQLite's integrity check; a Warden database whose applied migrations are all known here
 * with the same checksums (a backup from a newer Warden is refused), brought up to date; its audit hash chain and
 * signatures verified with this install's keys.
 */
export async function checkBackupCopy(staging: string, label: string): Promise<RestoreCheck> {
  const conn = new Database(staging, { fileMustExist: true, timeout: 5000 });
  try {
    assertIntact(conn, label);
    const hasTable = conn
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_warden_migrations'`)
      .get();
    if (!hasTable) throw new Error(`${label} is not a Warden database (it has no _warden_migrations table)`);
    const known = new Map(readMigrations('sqlite').map((m) => [m.name, m.checksum]));
    const applied = conn.prepare('SELECT name, checksum FROM _warden_migrations ORDER BY name').all() as {
      name: string;
      checksum: string;
    }[];
    for (const row of applied) {
      const checksum = known.get(row.name);
      if (!checksum)
        throw new Error(
          `${label} was migrated by a newer Warden (migration ${row.name} is unknown here): upgrade first`,
        );
      if (checksum !== row.checksum)
        throw new Error(`${label} applied migration ${row.name} with other content than this Warden's`);
    }
  } finally {
    conn.close();
  }
  const appliedNow = await migrateDatabase({ provider: 'sqlite', file: staging });
  const verification = await verifyAuditChain({ target: { provider: 'sqlite', file: staging } });
  if (verification.problem) {
    const p = verification.problem;
    const where = p.seq !== null ? `at seq ${p.seq}` : p.afterSeq !== null ? `after seq ${p.afterSeq}` : 'at the start';
    throw new Error(`the audit chain of ${label} does not verify ${where}: ${p.reason}`);
  }
  const after = new Database(staging, { readonly: true, fileMustExist: true });
  try {
    return {
      ...summarize(after),
      applied: appliedNow,
      chain: { events: verification.events, checkpoints: verification.checkpoints, unsealed: verification.unsealed },
    };
  } finally {
    after.close();
  }
}

/**
 * Proves that no other connection has the live file open, by taking SQLite's exclusive lock with no wait: every
 * connection a running server (or another CLI) holds on a WAL database keeps a shared lock, so this fails while one
 * exists. POSIX locks die with their process: a crashed server leaves none behind. Returns the connection holding the
 * lock; nobody else can open the file until it is closed.
 */
function lockExclusively(live: string): Database.Database {
  const conn = new Database(live, { fileMustExist: true, timeout: 0 });
  try {
    conn.pragma('locking_mode = EXCLUSIVE');
    conn.exec('BEGIN EXCLUSIVE');
    conn.exec('COMMIT');
    return conn;
  } catch (error) {
    conn.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      throw new Error(
        `${live} is in use (a running Warden server or another command has it open): stop every server using it, then run restore again`,
      );
    throw error;
  }
}

export type RestoreResult = RestoreCheck & { keptAt: string | null };

/**
 * Replaces the live database with a checked backup. The backup file itself is never opened for writing: it is copied
 * next to the live file and every check runs on that copy. Only when all pass, and no one has the live file open, is
 * the live file first copied aside (`<live>.before-restore-<time>`) and then overwritten page by page through the
 * backup API, in one write transaction of the live file: a failure part-way leaves it as it was.
 */
export async function restoreSqlite(live: string, backup: string, stamp: string): Promise<RestoreResult> {
  if (!existsSync(backup)) throw new Error(`there is no file at ${backup}`);
  const staging = `${live}.restoring-${stamp}`;
  const keptAt = `${live}.before-restore-${stamp}`;
  copyFileSync(backup, staging);
  chmodSync(staging, 0o600);
  try {
    const check = await checkBackupCopy(staging, backup);
    let kept: string | null = null;
    const hadLive = existsSync(live) && statSync(live).size > 0;
    preparePrivateSqliteFile(live);
    const lock = lockExclusively(live);
    try {
      if (hadLive) {
        createPrivateFile(keptAt);
        await lock.backup(keptAt, { progress: () => ALL_PAGES });
        makeSelfContained(keptAt);
        syncFile(keptAt);
        kept = keptAt;
      }
    } finally {
      lock.close();
    }
    const source = new Database(staging, { readonly: true, fileMustExist: true });
    try {
      await source.backup(live, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    return { ...check, keptAt: kept };
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(staging + suffix, { force: true });
  }
}
