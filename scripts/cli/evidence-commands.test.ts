// Evidence bundles, exported and verified as an admin does it: the CLI as a child process on a SQLite file of its own.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliWorkspace } from './cli-workspace';
import { tarEntries } from './tar-entries';

const workspace = createCliWorkspace('evidence');
const { dir, file, warden } = workspace;
const bundle = path.join(dir, 'evidence.tar');

beforeAll(() => {
  expect(
    warden([
      'user',
      'create',
      '--email',
      'olga@cli.test',
      '--name',
      'Olga',
      '--role',
      'owner',
      '--password',
      'correct-horse-battery',
    ]).code,
  ).toBe(0);
  expect(warden(['agent', 'create', '--name', 'refund-bot', '--owner', 'olga@cli.test']).code).toBe(0);
  expect(warden(['agent', 'create', '--name', 'other-bot', '--owner', 'olga@cli.test']).code).toBe(0);
  // A tool with a sensitive field and one executed call of each agent, as the gate leaves them.
  const database = new Database(file);
  const agent = (name: string) =>
    (database.prepare('SELECT "id" FROM "Agent" WHERE "name" = ?').get(name) as { id: string }).id;
  database
    .prepare(
      `INSERT INTO "Tool" ("id", "name", "description", "actionLevel", "parameters", "sensitiveFields", "summaryTemplate", "updatedAt")
    VALUES ('t1', 'refund.issue', 'refunds', 'external', '{"type":"object"}', '["iban"]', 'Refund {amount} to {iban}', '2026-12-05T10:00:00.000+00:00')`,
    )
    .run();
  const insertAction =
    database.prepare(`INSERT INTO "Action" ("id", "agentId", "toolId", "toolName", "params", "traceId", "status", "downstreamRef", "createdAt", "updatedAt")
    VALUES (?, ?, 't1', 'refund.issue', ?, 'tr-1', 'succeeded', 'RF-1', ?, ?)`);
  insertAction.run(
    'a1',
    agent('refund-bot'),
    '{"amount":120,"iban":"DE89370400440532013000"}',
    '2026-12-05T14:30:00.000+00:00',
    '2026-12-05T14:30:00.000+00:00',
  );
  insertAction.run(
    'a2',
    agent('other-bot'),
    '{"amount":5,"iban":"FR7630006000011234567890189"}',
    '2026-12-05T14:31:00.000+00:00',
    '2026-12-05T14:31:00.000+00:00',
  );
  database
    .prepare(
      `INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "actionId", "agentId", "type", "payload") VALUES ('2026-12-05T14:30:00.000+00:00', 'agent', ?, 'a1', ?, 'action.proposed', '{"tool":"refund.issue"}')`,
    )
    .run(agent('refund-bot'), agent('refund-bot'));
  database.close();
}, 60_000);

afterAll(workspace.remove);

describe('warden evidence export|verify', () => {
  it("exports one agent's window as a signed tar, sensitive fields masked, private to its owner", async () => {
    const run = warden([
      'evidence',
      'export',
      '--agent',
      'refund-bot',
      '--since',
      '2026-12-05T14:00:00Z',
      '--until',
      '2026-12-05T15:00:00Z',
      '--out',
      bundle,
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n').at(-1)).toBe(bundle);
    expect(run.stdout).toMatch(
      /^evidence of 1 agent\(s\), 2026-12-05T14:00:00.000Z – 2026-12-05T15:00:00.000Z: 1 actions, \d+ audit events, signed by key [0-9a-f]{16}/,
    );
    expect(statSync(bundle).mode & 0o777).toBe(0o600);

    const files = await tarEntries(bundle);
    expect(Object.keys(files).sort()).toEqual([
      'actions.csv',
      'actions.jsonl',
      'audit.jsonl',
      'manifest.json',
      'manifest.sig',
    ]);
    const [action] = files['actions.jsonl']
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(action).toMatchObject({
      id: 'a1',
      agent: 'refund-bot',
      tool: 'refund.issue',
      status: 'succeeded',
      downstreamRef: 'RF-1',
      params: { amount: 120 },
    });
    expect(readFileSync(bundle, 'utf8')).not.toContain('DE89370400440532013000');
    expect(readFileSync(bundle, 'utf8')).not.toContain('FR76');
    expect(files['actions.csv'].split('\r\n')[0]).toBe(
      'id,createdAt,agent,tool,status,summary,decidedBy,decidedAt,downstreamRef,traceId',
    );
    expect(files['audit.jsonl']).toContain('"type":"action.proposed"');

    expect(warden(['evidence', 'verify', bundle])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^evidence ok: 1 actions, \d+ audit events, signed by key [0-9a-f]{16}$/),
    });
  });

  it('names the file that was changed, and refuses a key it does not trust unless pinned', async () => {
    const bytes = readFileSync(bundle);
    const tampered = path.join(dir, 'tampered.tar');
    const at = bytes.indexOf('"amount":120');
    expect(at).toBeGreaterThan(0);
    writeFileSync(
      tampered,
      Buffer.concat([bytes.subarray(0, at), Buffer.from('"amount":920'), bytes.subarray(at + 12)]),
    );
    const changed = warden(['evidence', 'verify', tampered]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('"actions.jsonl" does not match its SHA-256 in the manifest');

    // Elsewhere (no instance key here): refused until the instance's public key is pinned.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'warden-elsewhere-'));
    const offline = warden(['evidence', 'verify', bundle], {
      WARDEN_DATA_DIR: elsewhere,
      DATABASE_URL: `file:${path.join(elsewhere, 'none.db')}`,
    });
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/signed by key [0-9a-f]{16}, which is not trusted here/);
    const { signer } = JSON.parse((await tarEntries(bundle))['manifest.json']) as { signer: { publicKey: string } };
    expect(
      warden(['evidence', 'verify', bundle, '--public-key', signer.publicKey], {
        WARDEN_DATA_DIR: elsewhere,
        DATABASE_URL: `file:${path.join(elsewhere, 'none.db')}`,
      }).code,
    ).toBe(0);
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('refuses a selection without agents, and an unknown agent', () => {
    expect(
      warden(['evidence', 'export', '--since', '2026-12-05T14:00:00Z', '--out', path.join(dir, 'x.tar')]),
    ).toMatchObject({ code: 2 });
    const unknown = warden([
      'evidence',
      'export',
      '--agent',
      'nobody',
      '--since',
      '2026-12-05T14:00:00Z',
      '--out',
      path.join(dir, 'y.tar'),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No agent named "nobody".');
  });
});
