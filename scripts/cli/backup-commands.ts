import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KEY_FILE as AUDIT_KEY_FILE } from '@/lib/audit/chain/signing-key';
import { chainSettings } from '@/lib/audit/chain/chain-settings';
import { recordDatabaseRestored } from '@/lib/backup/record-database-restored';
import { databaseTarget } from '@/lib/env';
import { cliActor, UsageError, type Command } from './command';
import { backupSqlite, describeHead, restoreSqlite } from './sqlite-backup';

/** What to run instead on PostgreSQL (docs/DEPLOYMENT.md, "Backups", says the same). */
const POSTGRES_BACKUP = [
  'backup is for SQLite; on PostgreSQL use pg_dump (docs/DEPLOYMENT.md, "Backups"):',
  '  pg_dump --format=custom --no-owner --no-privileges --file=FILE "$DATABASE_URL"',
].join('\n');
const POSTGRES_RESTORE = [
  'restore is for SQLite; on PostgreSQL stop every instance, then use pg_restore (docs/DEPLOYMENT.md, "Backups"):',
  '  pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error --dbname="$DATABASE_URL" FILE',
].join('\n');

/** The key files a generated install keeps beside the database: a backup of the database alone cannot use them. */
const KEY_FILES = [
  { file: AUDIT_KEY_FILE, env: 'WARDEN_AUDIT_SIGNING_KEY' },
  { file: 'mcp-credentials.key', env: 'WARDEN_SECRET_KEY' },
];

/**
 * Both commands' checks, in order: exactly one positional FILE and no flags (anything else is a usage error), then a
 * SQLite database (on PostgreSQL, the command's advice). Returns FILE resolved and the live database's file.
 */
function parseBackupArgs(args: string[], command: string, postgresAdvice: string): { file: string; live: string } {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, options: {}, strict: true, allowPositionals: true }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [file, ...rest] = positionals;
  if (!file) throw new UsageError(`${command} needs a FILE`);
  if (rest.length > 0) throw new UsageError(`${command} takes one FILE, got ${positionals.length}`);
  const target = databaseTarget();
  if (target.provider !== 'sqlite') throw new Error(postgresAdvice);
  // `npm run` moves to the package's root; a relative FILE means where the admin typed the command (INIT_CWD).
  return { file: path.resolve(process.env.INIT_CWD ?? process.cwd(), file), live: target.file };
}

/** A UTC timestamp usable in a file name: 20261206T120000Z. */
function fileStamp(now = new Date()): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** `backup FILE`, `restore FILE`: the SQLite database, copied online and put back after checks. */
export const backupCommands: Command[] = [
  {
    name: 'backup',
    usage:
      'FILE   copy the SQLite database to FILE (a new file) while servers run: a consistent snapshot, checked (PostgreSQL: pg_dump)',
    needsDatabase: false,
    async run(args) {
      const { file, live } = parseBackupArgs(args, 'backup', POSTGRES_BACKUP);
      const summary = await backupSqlite(live, file);
      console.log(
        `backup written: ${file} (${summary.actions} actions, ${summary.auditEvents} audit events, ${describeHead(summary.head)})`,
      );
      const dataDir = chainSettings().dataDir;
      for (const key of KEY_FILES) {
        if (!process.env[key.env] && existsSync(path.join(dataDir, key.file)))
          console.error(
            `note: ${path.join(dataDir, key.file)} is not in the backup: keep a copy of it with the backup (or set ${key.env})`,
          );
      }
    },
  },
  {
    name: 'restore',
    usage:
      'FILE  replace the SQLite database with a backup, after checking it; refused while a server uses the database (PostgreSQL: pg_restore)',
    needsDatabase: false,
    async run(args) {
      const { file, live } = parseBackupArgs(args, 'restore', POSTGRES_RESTORE);
      let result;
      try {
        result = await restoreSqlite(live, file, fileStamp());
      } catch (error) {
        throw new Error(`restore refused, nothing changed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const chain = result.chain;
      console.log(
        `backup checked: ${file} (integrity ok, audit chain ok: ${chain.events} events, ${chain.checkpoints} checkpoints${
          result.applied.length ? `; applied ${result.applied.join(', ')}` : ''
        })`,
      );
      console.log(
        `restored: ${live} (${result.actions} actions, ${result.auditEvents} audit events, ${describeHead(result.head)})`,
      );
      if (result.keptAt) console.log(`the replaced database is kept at ${result.keptAt}`);
      try {
        await recordDatabaseRestored(cliActor, {
          backupFile: file,
          replacedFileKeptAt: result.keptAt,
          actions: result.actions,
          auditEvents: result.auditEvents,
          chainIndex: result.head?.chainIndex ?? null,
          appliedMigrations: result.applied,
        });
      } catch (error) {
        throw new Error(
          `the database was restored, but the restore could not be audited: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
  },
];
