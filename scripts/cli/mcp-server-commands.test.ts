// The admin CLI's MCP server commands, run as an admin runs them: a child process on a SQLite file of its own, against
// the demo upstream MCP server running as a process of its own (the CLI's calls must not wait on this test's loop).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForPort } from '../demo-mcp/wait-for-port';
import { createCliWorkspace } from './cli-workspace';

const PORT = 3352; // the MCP demo helper's range for upstreams in tests (3350–3359)
const TOKEN = `cli-upstream-token-${Math.random().toString(36).slice(2)}`;
const URL = `http://127.0.0.1:${PORT}/mcp`;
const workspace = createCliWorkspace('mcp-servers');
const env = { WARDEN_EGRESS_ALLOW: `127.0.0.1:${PORT}`, CLI_MCP_TOKEN: TOKEN, WRONG_TOKEN: `${TOKEN}-wrong` };
const warden = (...args: string[]) => workspace.warden(args, env);
const events = (type: string) =>
  workspace
    .query<{ payload: string; actorType: string }>(
      'SELECT "payload", "actorType" FROM "AuditEvent" WHERE "type" = ? ORDER BY "seq"',
      type,
    )
    .map((row) => ({ actorType: row.actorType, payload: JSON.parse(row.payload) as Record<string, unknown> }));
/** Everything a run printed, for the check that the credential never appears. */
const printed: string[] = [];
const run = (...args: string[]) => {
  const result = warden(...args);
  printed.push(result.stdout, result.stderr);
  return result;
};

let upstream: ChildProcess;

beforeAll(async () => {
  upstream = spawn(
    path.resolve(__dirname, '../../node_modules/.bin/tsx'),
    ['scripts/demo-mcp-server.ts', String(PORT)],
    { cwd: path.resolve(__dirname, '../..'), env: { ...process.env, DEMO_MCP_TOKEN: TOKEN }, stdio: 'ignore' },
  );
  expect(await waitForPort('127.0.0.1', PORT, 20_000)).toBe(true);
}, 30_000);

afterAll(() => {
  upstream.kill('SIGTERM');
  workspace.remove();
});

describe('warden mcp-servers register|list|refresh', () => {
  it('registers with the credential from an environment variable, lists the server without it', () => {
    expect(run('mcp-servers', 'register', '--name', 'crm', '--url', URL, '--credential-env', 'CLI_MCP_TOKEN')).toEqual({
      code: 0,
      stdout: 'crm ok pending=4',
      stderr: '',
    });
    const list = run('mcp-servers', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      /^crm http:\/\/127\.0\.0\.1:3352\/mcp ok tools=0 pending=4 credential=set refreshed=\d{4}-\d\d-\d\dT[\d:.]+Z$/,
    );
    expect(events('mcp_server.registered')).toMatchObject([{ actorType: 'cli', payload: { name: 'crm', found: 4 } }]);
  });

  it('refreshes by name: nothing new, audited as the CLI', () => {
    expect(run('mcp-servers', 'refresh', 'crm')).toEqual({
      code: 0,
      stdout: 'crm ok added=- changed=- removed=-',
      stderr: '',
    });
    expect(events('mcp_server.refreshed')).toMatchObject([
      { actorType: 'cli', payload: { name: 'crm', status: 'ok', added: [], changed: [], removed: [] } },
    ]);
  });

  it('a wrong credential: registered with status error, exit 1, the credential in no output', () => {
    const bad = run('mcp-servers', 'register', '--name', 'crm_bad', '--url', URL, '--credential-env', 'WRONG_TOKEN');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('crm_bad error pending=0');
    expect(bad.stderr).toContain('warden: crm_bad is registered but could not be listed:');
    expect(run('mcp-servers', 'list').stdout.split('\n')[1]).toMatch(
      /^crm_bad http:\/\/127\.0\.0\.1:3352\/mcp error tools=0 pending=0 credential=set refreshed=\S+ error=".+"$/,
    );
  });

  it('refuses what it cannot do: no name, an unknown server, an unset credential variable', () => {
    const noName = run('mcp-servers', 'refresh');
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain("missing the server's name");
    expect(run('mcp-servers', 'refresh', 'nope')).toMatchObject({
      code: 1,
      stderr: 'warden: no MCP server named "nope" (see: mcp-servers list)',
    });
    const unset = run('mcp-servers', 'register', '--name', 'x', '--url', URL, '--credential-env', 'NOT_SET_ANYWHERE');
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('--credential-env: $NOT_SET_ANYWHERE is empty or not set');
  });

  it('an upstream that is down: the refresh records status error and exits 1', async () => {
    const exited = new Promise((resolve) => upstream.once('exit', resolve));
    upstream.kill('SIGTERM');
    await exited;
    const down = run('mcp-servers', 'refresh', 'crm');
    expect(down.code).toBe(1);
    expect(down.stdout).toBe('crm error added=- changed=- removed=-');
    expect(down.stderr).toMatch(/^warden: crm could not be listed: .+/);
    expect(run('mcp-servers', 'list').stdout.split('\n')[0]).toMatch(/^crm \S+ error tools=0 pending=4 /);
  });

  it('never printed the credential, nor its base64', () => {
    const output = printed.join('\n');
    expect(output).toContain('crm');
    for (const secret of [TOKEN, Buffer.from(TOKEN).toString('base64')]) expect(output).not.toContain(secret);
  });
});
