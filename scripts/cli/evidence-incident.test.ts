// An incident's evidence bundle (`evidence export --incident`), exported and verified as an admin does it: the CLI
// as a child process on a SQLite file of its own.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { create, extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliWorkspace } from './cli-workspace';
import { tarEntries } from './tar-entries';

const workspace = createCliWorkspace('evidence-incident');
const { dir, file, warden } = workspace;
const bundle = path.join(dir, 'incident.tar');
let incidentId = '';

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
    database.prepare(`INSERT INTO "Action" ("id", "agentId", "toolId", "toolName", "params", "traceId", "status", "createdAt", "updatedAt")
    VALUES (?, ?, 't1', 'refund.issue', ?, 'tr-1', 'succeeded', ?, ?)`);
  insertAction.run(
    'before',
    agent('refund-bot'),
    '{"amount":1,"iban":"DE89370400440532013000"}',
    '2026-12-05T13:59:00.000+00:00',
    '2026-12-05T13:59:00.000+00:00',
  );
  insertAction.run(
    'a1',
    agent('refund-bot'),
    '{"amount":120,"iban":"DE89370400440532013000"}',
    '2026-12-05T14:30:00.000+00:00',
    '2026-12-05T14:30:00.000+00:00',
  );
  insertAction.run(
    'other',
    agent('other-bot'),
    '{"amount":5,"iban":"FR7630006000011234567890189"}',
    '2026-12-05T14:31:00.000+00:00',
    '2026-12-05T14:31:00.000+00:00',
  );
  database.close();

  const opened = warden([
    'incident',
    'open',
    '--title',
    'Odd refunds',
    '--agent',
    'refund-bot',
    '--since',
    '2026-12-05T14:00:00Z',
    '--contain',
    'review-all',
  ]);
  expect(opened.code).toBe(0);
  incidentId = opened.stdout.split('\n').at(-1)!;
  // A responder's note and a mark, as the console leaves them (the CLI has no command for either).
  const write = new Database(file);
  write
    .prepare(
      `INSERT INTO "IncidentNote" ("id", "incidentId", "authorId", "body", "createdAt") VALUES ('n1', ?, NULL, 'Three refunds to one IBAN.', '2026-12-05T15:00:00.000+00:00')`,
    )
    .run(incidentId);
  write
    .prepare(
      `INSERT INTO "IncidentMark" ("incidentId", "actionId", "mark", "note", "markedById", "markedAt") VALUES (?, 'a1', 'needs_follow_up', 'call the customer', NULL, '2026-12-05T15:01:00.000+00:00')`,
    )
    .run(incidentId);
  write.close();
  expect(warden(['incident', 'close', '--id', incidentId, '--summary', 'Grant tightened.']).code).toBe(0);
}, 90_000);

afterAll(workspace.remove);

describe('warden evidence export --incident', () => {
  it("bundles the incident's agents and window with incident.json (record, notes, marks, its events), signed and verifiable offline", async () => {
    const run = warden(['evidence', 'export', '--incident', incidentId, '--out', bundle]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n').at(-1)).toBe(bundle);
    expect(run.stdout.split('\n')[0]).toMatch(
      new RegExp(
        `^evidence of incident ${incidentId}: 1 agent\\(s\\), 2026-12-05T14:00:00.000Z – \\S+: 1 actions, \\d+ audit events, 1 notes, 1 marks, signed by key [0-9a-f]{16}$`,
      ),
    );

    const files = await tarEntries(bundle);
    expect(Object.keys(files).sort()).toEqual([
      'actions.csv',
      'actions.jsonl',
      'audit.jsonl',
      'incident.json',
      'manifest.json',
      'manifest.sig',
    ]);
    expect(
      files['actions.jsonl']
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: string }).id),
    ).toEqual(['a1']);
    expect(readFileSync(bundle, 'utf8')).not.toContain('DE89370400440532013000');
    const manifest = JSON.parse(files['manifest.json']) as {
      selection: { incidentId: string; agents: { name: string }[] };
      files: { name: string }[];
      signer: { publicKey: string };
    };
    expect(manifest.selection).toMatchObject({ incidentId, agents: [{ name: 'refund-bot' }] });
    expect(manifest.files.map((f) => f.name)).toContain('incident.json');

    const incident = JSON.parse(files['incident.json']) as Record<string, unknown> & {
      events: { type: string }[];
      switches: { effect: string }[];
    };
    expect(incident).toMatchObject({
      id: incidentId,
      title: 'Odd refunds',
      status: 'closed',
      resolution: 'Grant tightened.',
      windowStart: '2026-12-05T14:00:00.000Z',
      containment: ['review-all'],
      agents: [{ name: 'refund-bot', pausedByIncident: false }],
      notes: [{ id: 'n1', author: 'cli', body: 'Three refunds to one IBAN.' }],
      marks: [{ actionId: 'a1', mark: 'needs_follow_up', note: 'call the customer' }],
    });
    expect(incident.switches.map((s) => s.effect)).toEqual(['review-all']);
    expect(incident.events.map((e) => e.type)).toEqual(['switch.engaged', 'incident.opened', 'incident.closed']);

    // Offline, on a box with no database and no instance key: verified with the instance's public key pinned.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'warden-elsewhere-'));
    try {
      const offline = warden(['evidence', 'verify', bundle, '--public-key', manifest.signer.publicKey], {
        WARDEN_DATA_DIR: elsewhere,
        DATABASE_URL: `file:${path.join(elsewhere, 'none.db')}`,
      });
      expect(offline).toMatchObject({ code: 0, stdout: expect.stringMatching(/^evidence ok: 1 actions/) });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('names a changed, a missing or a smuggled incident.json', async () => {
    const work = mkdtempSync(path.join(dir, 'repack-'));
    await extract({ file: bundle, cwd: work });
    const pack = async (name: string, names: string[]) => {
      const out = path.join(dir, name);
      await create({ file: out, cwd: work, portable: true }, names);
      return out;
    };
    const all = ['manifest.json', 'manifest.sig', 'actions.jsonl', 'audit.jsonl', 'actions.csv'];
    const missing = warden(['evidence', 'verify', await pack('missing.tar', all)]);
    expect(missing).toMatchObject({
      code: 1,
      stderr: 'warden: evidence verification failed: "incident.json" is missing',
    });

    writeFileSync(
      path.join(work, 'incident.json'),
      readFileSync(path.join(work, 'incident.json'), 'utf8').replace('Grant tightened.', 'Nothing happened.'),
    );
    const changed = warden(['evidence', 'verify', await pack('changed.tar', [...all, 'incident.json'])]);
    expect(changed).toMatchObject({
      code: 1,
      stderr: 'warden: evidence verification failed: "incident.json" does not match its SHA-256 in the manifest',
    });

    // A window's bundle (no incident) with an incident.json slipped in: its manifest never listed one.
    const plain = path.join(dir, 'plain.tar');
    expect(
      warden(['evidence', 'export', '--agent', 'refund-bot', '--since', '2026-12-05T14:00:00Z', '--out', plain]).code,
    ).toBe(0);
    const plainWork = mkdtempSync(path.join(dir, 'plain-'));
    await extract({ file: plain, cwd: plainWork });
    writeFileSync(path.join(plainWork, 'incident.json'), '{}');
    const smuggled = path.join(dir, 'smuggled.tar');
    await create({ file: smuggled, cwd: plainWork, portable: true }, [...all, 'incident.json']);
    expect(warden(['evidence', 'verify', smuggled])).toMatchObject({
      code: 1,
      stderr: 'warden: evidence verification failed: an unexpected entry "incident.json"',
    });
  });

  it('refuses an unknown incident, and selection flags beside --incident', () => {
    const unknown = warden(['evidence', 'export', '--incident', 'nope', '--out', path.join(dir, 'x.tar')]);
    expect(unknown).toMatchObject({ code: 1, stderr: 'warden: No incident with that id.' });
    const both = warden([
      'evidence',
      'export',
      '--incident',
      incidentId,
      '--since',
      '2026-12-05T14:00:00Z',
      '--out',
      path.join(dir, 'y.tar'),
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--incident takes its agents and window from the incident');
  });
});
