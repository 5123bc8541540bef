import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm run warden -- user …` as an operator runs it: the CLI in a child process, on a fresh SQLite file, its output
 * and exit code checked, and the database read back with sqlite (the CLI's own `user list`).
 */
const root = path.resolve(__dirname, '../..');
mkdirSync(path.join(root, 'data/test'), { recursive: true });
const dir = mkdtempSync(path.join(root, 'data/test', 'user-cli-'));
const url = `file:${path.join(dir, 'cli.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function warden(...args: string[]) {
  const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/warden.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    lastLine: run.stdout.trimEnd().split('\n').at(-1) ?? '',
  };
}

function listed() {
  const list = warden('user', 'list');
  expect(list.status, list.stderr).toBe(0);
  return Object.fromEntries(
    list.stdout
      .trim()
      .split('\n')
      .map((line) => {
        const [email, roles, status, ...rest] = line.split(' ');
        expect(rest).toEqual([]);
        return [email, { roles, status }];
      }),
  );
}

async function userRow(email: string) {
  const { default: Database } = await import('better-sqlite3');
  const sqlite = new Database(path.join(dir, 'cli.db'), { readonly: true });
  try {
    return sqlite
      .prepare(
        'SELECT "sessionVersion", "disabled", "mustChangePassword", "passwordExpiresAt" FROM "User" WHERE "email" = ?',
      )
      .get(email) as {
      sessionVersion: number;
      disabled: number;
      mustChangePassword: number;
      passwordExpiresAt: number | string | null;
    };
  } finally {
    sqlite.close();
  }
}

describe('warden user …', () => {
  it('creates users; one with a generated password must change it, and the password is alone on the last line', () => {
    const admin = warden('user', 'create', '--email', 'Ada@Example.test', '--name', 'Ada', '--role', 'admin');
    expect(admin.status, admin.stderr).toBe(0);
    expect(admin.lastLine).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const other = warden(
      'user',
      'create',
      '--email',
      'bo@example.test',
      '--name',
      'Bo',
      '--role',
      'reviewer',
      '--role',
      'owner',
      '--password',
      'a-long-enough-password',
    );
    expect(other.status, other.stderr).toBe(0);
    expect(listed()).toEqual({
      'ada@example.test': { roles: 'admin', status: 'must_change_password' },
      'bo@example.test': { roles: 'reviewer,owner', status: 'active' },
    });
  }, 60_000);

  it('refuses to disable or demote the last active admin, on stderr with a non-zero exit', () => {
    for (const args of [
      ['user', 'disable', '--email', 'ada@example.test'],
      ['user', 'role', '--email', 'ada@example.test', '--role', 'viewer'],
    ]) {
      const refused = warden(...args);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain('ada@example.test is the last active admin');
    }
    expect(listed()['ada@example.test']).toEqual({ roles: 'admin', status: 'must_change_password' });
  }, 60_000);

  it('changes roles, then disables and enables; disabling ends every session', async () => {
    const role = warden('user', 'role', '--email', 'bo@example.test', '--role', 'admin', '--role', 'reviewer');
    expect(role.status, role.stderr).toBe(0);
    expect(listed()['bo@example.test']).toEqual({ roles: 'admin,reviewer', status: 'active' });

    const before = await userRow('bo@example.test');
    const disabled = warden('user', 'disable', '--email', 'bo@example.test');
    expect(disabled.status, disabled.stderr).toBe(0);
    expect(listed()['bo@example.test'].status).toBe('disabled');
    expect((await userRow('bo@example.test')).sessionVersion).toBe(before.sessionVersion + 1);

    const again = warden('user', 'disable', '--email', 'bo@example.test');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already disabled');

    expect(warden('user', 'enable', '--email', 'bo@example.test').status).toBe(0);
    expect(listed()['bo@example.test'].status).toBe('active');
  }, 60_000);

  it('resets a password: a new one-time password alone on the last line, must change, expires, sessions end', async () => {
    const before = await userRow('bo@example.test');
    const reset = warden('user', 'reset-password', '--email', 'bo@example.test');
    expect(reset.status, reset.stderr).toBe(0);
    expect(reset.lastLine).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const after = await userRow('bo@example.test');
    expect(after.mustChangePassword).toBe(1);
    expect(after.passwordExpiresAt).not.toBeNull();
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(listed()['bo@example.test'].status).toBe('must_change_password');
  }, 60_000);

  it('signs a user out everywhere by moving their session version', async () => {
    const before = await userRow('bo@example.test');
    const signOut = warden('user', 'sign-out', '--email', 'bo@example.test');
    expect(signOut.status, signOut.stderr).toBe(0);
    expect(signOut.stdout).toContain('bo@example.test');
    expect((await userRow('bo@example.test')).sessionVersion).toBe(before.sessionVersion + 1);
  }, 60_000);

  it('names the problem on stderr for an unknown user, a missing flag and a bad role', () => {
    const unknown = warden('user', 'sign-out', '--email', 'nobody@example.test');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No user nobody@example.test');
    const missing = warden('user', 'reset-password');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('missing --email');
    const badRole = warden('user', 'role', '--email', 'bo@example.test', '--role', 'emperor');
    expect(badRole.status).toBe(1);
    expect(badRole.stderr).toContain('--role');
    expect(badRole.stdout).toBe('');
  }, 60_000);
});
