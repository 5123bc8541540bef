// For the CLI's tests: a SQLite file (and data directory) of their own, the CLI run on it as an admin runs it — a
// child process — and the database read back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const root = path.resolve(__dirname, '../..');

export type CliRun = { code: number | null; stdout: string; stderr: string };

export function createCliWorkspace(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `warden-cli-${prefix}-`));
  const file = path.join(dir, 'cli.db');
  return {
    dir,
    file,
    /** `npm run warden -- …args` on this workspace's database; stdout and stderr trimmed. */
    warden(args: string[], env: Record<string, string> = {}): CliRun {
      const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/warden.ts', ...args], {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          DATABASE_URL: `file:${file}`,
          WARDEN_DATA_DIR: dir,
          NEXT_TELEMETRY_DISABLED: '1',
          ...env,
        },
      });
      return { code: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
    },
    query<T>(statement: string, ...params: unknown[]): T[] {
      const database = new Database(file, { readonly: true });
      try {
        return database.prepare(statement).all(...params) as T[];
      } finally {
        database.close();
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
