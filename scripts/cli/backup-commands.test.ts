// `warden backup` and `warden restore`, run as an admin runs them: child processes on a SQLite file of their own, with
// another process writing proposals through the gate meanwhile, as a running server does.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliWorkspace } from './cli-workspace';

const workspace = createCliWorkspace('backup');
const warden = (...args: string[]) => workspace.warden(args);
const root = path.resolve(__dirname, '../..');
const inDir = (name: string) => path.join(workspace.dir, name);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function countsOf(file: string) {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (conn.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return { actions: count('Action'), auditEvents: count('AuditEvent') };
  } finally {
    conn.close();
  }
}

/** Starts the writer and resolves once it has written its first proposals ("ready" on its stdout). */
function startWriter(): Promise<{ child: ChildProcess; stopped: Promise<number> }> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/cli/backup-test-writer.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${workspace.file}`, WARDEN_DATA_DIR: workspace.dir },
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const stopped = new Promise<number>((resolve, reject) =>
    child.on('exit', (code) => {
      const wrote = /wrote (\d+)/.exec(out);
      if (code === 0 && wrote) resolve(Number(wrote[1]));
      else reject(new Error(`writer exited ${code}: ${err}`));
    }),
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready\n')) resolve({ child, stopped });
    });
    stopped.catch(reject);
  });
}

async function stopWriter(writer: { child: ChildProcess; stopped: Promise<number> }): Promise<number> {
  writer.child.kill('SIGTERM');
  return writer.stopped;
}

/** Files a restore may leave beside the live database: only the replaced copy, never its staging copy. */
const leftovers = () => readdirSync(workspace.dir).filter((name) => /\.(restoring|before-restore)-/.test(name));

afterAll(workspace.remove);

describe('warden backup and restore (SQLite)', () => {
  const backup = inDir('taken-under-load.db');
  let backupCounts: { actions: number; auditEvents: number };

  beforeAll(async () => {
    const writer = await startWriter();
    const run = warden('backup', backup);
    // While the writer still runs, restore must refuse: a server (here: the writer) has the database open.
    const refused = warden('restore', backup);
    const wrote = await stopWriter(writer);

    expect(run).toMatchObject({ code: 0 });
    backupCounts = countsOf(backup);
    expect(run.stdout).toMatch(
      new RegExp(
        `^backup written: ${backup.replaceAll('.', '\\.')} \\(${backupCounts.actions} actions, ${backupCounts.auditEvents} audit events, chain head \\d+:[0-9a-f]{12}\\)$`,
      ),
    );
    // Taken mid-stream: it holds the first proposals and fewer than the writer made in the end.
    expect(backupCounts.actions).toBeGreaterThanOrEqual(30);
    expect(backupCounts.actions).toBeLessThan(wrote);
    expect(run.stderr).toContain('audit-signing-key.pem is not in the backup');

    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('restore refused, nothing changed:');
    expect(refused.stderr).toContain('is in use (a running Warden server or another command has it open)');
    expect(leftovers()).toEqual([]);
    expect(countsOf(workspace.file).actions).toBe(wrote);
  }, 120_000);

  it('the backup is one consistent, self-contained file, private to its owner', () => {
    expect(existsSync(`${backup}-wal`)).toBe(false);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const conn = new Database(backup, { readonly: true });
    try {
      expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(conn.pragma('journal_mode', { simple: true })).toBe('delete');
      // Every action the gate answered is whole in the copy: its proposal's audit events came with it.
      const orphans = conn
        .prepare(
          `SELECT COUNT(*) AS n FROM "Action" a WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."actionId" = a."id")`,
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
    } finally {
      conn.close();
    }
    expect(readdirSync(workspace.dir).filter((name) => name.includes('.partial-'))).toEqual([]);
    expect(warden('backup', backup)).toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
  });

  it('refuses a truncated, a foreign and a tampered backup without touching the live file', () => {
    const liveBefore = sha256(workspace.file);
    const liveCounts = countsOf(workspace.file);

    const truncated = inDir('truncated.db');
    copyFileSync(backup, truncated);
    truncateSync(truncated, Math.floor(readFileSync(truncated).length / 2));
    const notADatabase = inDir('notes.db');
    writeFileSync(notADatabase, 'these are not the pages you are looking for\n'.repeat(200));
    const tampered = inDir('tampered.db');
    copyFileSync(backup, tampered);
    const conn = new Database(tampered);
    // Deliberately altering a sealed row in a copy: what the chain's verification must catch before any restore.
    conn
      .prepare(
        `UPDATE "AuditEvent" SET "payload" = '{}' WHERE "chainIndex" = (SELECT MAX("chainIndex") / 2 FROM "AuditEvent")`,
      )
      .run();
    conn.close();

    for (const [file, reason] of [
      [truncated, /fails SQLite's integrity check|is not a sound SQLite database/],
      [notADatabase, /is not a sound SQLite database/],
      [tampered, /the audit chain of .* does not verify/],
      [inDir('missing.db'), /there is no file at/],
    ] as const) {
      const run = warden('restore', file);
      expect(run.code, file).toBe(1);
      expect(run.stderr).toContain('restore refused, nothing changed:');
      expect(run.stderr).toMatch(reason);
    }
    expect(sha256(workspace.file)).toBe(liveBefore);
    expect(countsOf(workspace.file)).toEqual(liveCounts);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it('restores the backup once nothing uses the database: checked, the old file kept aside, the restore audited', () => {
    const backupBefore = sha256(backup);
    const liveCounts = countsOf(workspace.file);
    const run = warden('restore', backup);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [checked, restored, kept] = run.stdout.split('\n');
    expect(checked).toMatch(
      new RegExp(
        `^backup checked: ${backup.replaceAll('.', '\\.')} \\(integrity ok, audit chain ok: \\d+ events, \\d+ checkpoints\\)$`,
      ),
    );
    expect(restored).toMatch(
      new RegExp(
        `^restored: ${workspace.file.replaceAll('.', '\\.')} \\(${backupCounts.actions} actions, ${backupCounts.auditEvents} audit events, chain head \\d+:[0-9a-f]{12}\\)$`,
      ),
    );
    const keptAt = /^the replaced database is kept at (.+)$/.exec(kept ?? '')?.[1];
    expect(keptAt).toMatch(/\.before-restore-\d{8}T\d{6}Z$/);

    // The live database is the backup's content plus the restore's own audit event; the replaced one is kept whole.
    expect(countsOf(workspace.file)).toEqual({
      actions: backupCounts.actions,
      auditEvents: backupCounts.auditEvents + 1,
    });
    expect(countsOf(keptAt!)).toEqual(liveCounts);
    expect(sha256(backup)).toBe(backupBefore);
    expect(leftovers()).toEqual([path.basename(keptAt!)]);
    const [event] = workspace.query<{ actorType: string; payload: string }>(
      `SELECT "actorType", "payload" FROM "AuditEvent" WHERE "type" = 'database.restored'`,
    );
    expect(event?.actorType).toBe('cli');
    expect(JSON.parse(event!.payload)).toMatchObject({
      backupFile: backup,
      replacedFileKeptAt: keptAt,
      actions: backupCounts.actions,
      auditEvents: backupCounts.auditEvents,
      appliedMigrations: [],
    });

    // The restored chain verifies. (The sealer's lease came back with the backup: until it lapses, 30 s after the
    // writer last renewed it, the newest events may wait unsealed; sealed or not, every event is accounted for.)
    expect(warden('audit', 'seal').code).toBe(0);
    const verified = warden('audit', 'verify');
    expect(verified.code).toBe(0);
    const sealed = Number(/^audit ok: (\d+) events, \d+ checkpoints$/.exec(verified.stdout)?.[1]);
    const unsealed = Number(/note: (\d+) newer events are not sealed yet/.exec(verified.stderr)?.[1] ?? 0);
    expect(sealed + unsealed).toBe(backupCounts.auditEvents + 1);
  }, 60_000);

  it('on PostgreSQL both commands name pg_dump / pg_restore and exit non-zero, without connecting', () => {
    const env = { DATABASE_URL: 'postgresql://nobody:nothing@127.0.0.1:1/none' };
    const dump = workspace.warden(['backup', inDir('pg.dump')], env);
    expect(dump.code).toBe(1);
    expect(dump.stderr).toContain('pg_dump --format=custom --no-owner --no-privileges --file=FILE "$DATABASE_URL"');
    const restore = workspace.warden(['restore', inDir('pg.dump')], env);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('pg_restore --clean --if-exists');
    expect(existsSync(inDir('pg.dump'))).toBe(false);
  }, 30_000);

  it('insists on exactly one FILE', () => {
    expect(warden('backup')).toMatchObject({ code: 2, stderr: expect.stringContaining('backup needs a FILE') });
    expect(warden('restore', 'a.db', 'b.db')).toMatchObject({ code: 2 });
    expect(warden('restore', '--force', 'a.db')).toMatchObject({ code: 2 });
  }, 30_000);
});
