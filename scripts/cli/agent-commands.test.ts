// The admin CLI's agent commands, run as an admin runs them: a child process on a SQLite file of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliWorkspace } from './cli-workspace';

const workspace = createCliWorkspace('agents');
const warden = (...args: string[]) => workspace.warden(args);
const query = workspace.query;

const events = (type: string) =>
  query<{ payload: string; actorType: string }>(
    'SELECT "payload", "actorType" FROM "AuditEvent" WHERE "type" = ? ORDER BY "seq"',
    type,
  ).map((row) => ({ actorType: row.actorType, payload: JSON.parse(row.payload) as Record<string, unknown> }));

beforeAll(() => {
  expect(
    warden(
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
    ).code,
  ).toBe(0);
  expect(
    warden(
      'user',
      'create',
      '--email',
      'omar@cli.test',
      '--name',
      'Omar',
      '--role',
      'owner',
      '--password',
      'correct-horse-battery',
    ).code,
  ).toBe(0);
  expect(
    warden(
      'user',
      'create',
      '--email',
      'vic@cli.test',
      '--name',
      'Vic',
      '--role',
      'viewer',
      '--password',
      'correct-horse-battery',
    ).code,
  ).toBe(0);
}, 60_000);

afterAll(workspace.remove);

describe('warden agent create|edit|archive', () => {
  it('creates an agent with its owner; the shutoff contact defaults to the owner', () => {
    const created = warden(
      'agent',
      'create',
      '--name',
      'support-bot',
      '--owner',
      'olga@cli.test',
      '--purpose',
      'answers tickets',
      '--environment',
      'test',
      '--mode',
      'draft_only',
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toBe(
      'created agent support-bot (owner olga@cli.test, test, draft_only); shutoff contact: olga@cli.test',
    );
    expect(events('agent.created').at(-1)).toMatchObject({
      actorType: 'cli',
      payload: { name: 'support-bot', after: { purpose: 'answers tickets', environment: 'test', mode: 'draft_only' } },
    });
  }, 30_000);

  it.each([
    [['--name', 'Support Bot', '--owner', 'olga@cli.test'], '--name: may hold only lowercase letters'],
    [['--name', 'x', '--owner', 'olga@cli.test'], '--name: must have at least 2 characters'],
    [
      ['--name', 'viewer-bot', '--owner', 'vic@cli.test'],
      'owner: the owner must be an enabled user with the owner or admin role',
    ],
    [['--name', 'ghost-bot', '--owner', 'nobody@cli.test'], 'owner: the owner must be an enabled user'],
    [['--name', 'mode-bot', '--owner', 'olga@cli.test', '--mode', 'yolo'], '--mode:'],
  ])(
    'refuses %j on stderr with exit 1',
    (args, message) => {
      const run = warden('agent', 'create', ...args);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(message);
    },
    30_000,
  );

  it('a missing --owner is a usage error (exit 2)', () => {
    const run = warden('agent', 'create', '--name', 'lonely-bot');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing --owner');
  }, 30_000);

  it('edits and transfers: the shutoff contact that was the old owner follows the new one; a stale --if-version is refused', () => {
    expect(
      warden(
        'agent',
        'edit',
        '--agent',
        'support-bot',
        '--purpose',
        'answers and routes tickets',
        '--monitoring-note',
        'dashboard: ops/support-bot',
      ),
    ).toMatchObject({ code: 0, stdout: 'support-bot changed (version 2)' });
    expect(
      warden('agent', 'edit', '--agent', 'support-bot', '--owner', 'omar@cli.test', '--if-version', '2'),
    ).toMatchObject({ code: 0, stdout: 'support-bot changed (version 3)' });
    expect(
      query(
        'SELECT u."email", a."shutoffContact", a."version" FROM "Agent" a JOIN "User" u ON u."id" = a."ownerId" WHERE a."name" = ?',
        'support-bot',
      ),
    ).toEqual([{ email: 'omar@cli.test', shutoffContact: 'omar@cli.test', version: 3 }]);
    expect(events('agent.ownership_transferred').at(-1)?.payload).toMatchObject({
      from: { email: 'olga@cli.test' },
      to: { email: 'omar@cli.test' },
    });
    expect(events('agent.updated').at(0)?.payload).toMatchObject({
      before: { purpose: 'answers tickets', monitoringNote: '' },
      after: { purpose: 'answers and routes tickets' },
    });

    const stale = warden('agent', 'edit', '--agent', 'support-bot', '--purpose', 'overwrite', '--if-version', '2');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('Someone else changed agent "support-bot" first (now version 3)');
    expect(warden('agent', 'edit', '--agent', 'support-bot').code).toBe(2);
    expect(warden('agent', 'edit', '--agent', 'support-bot', '--shutoff-contact', '').stderr).toContain(
      '--shutoff-contact: say who can shut this agent off',
    );
    expect(warden('agent', 'edit', '--agent', 'nope-bot', '--purpose', 'x')).toMatchObject({
      code: 1,
      stderr: 'warden: No agent named "nope-bot".',
    });
  }, 60_000);

  it('archives: the agent is read-only, marked in the list, and its name is never reused', () => {
    expect(warden('key', 'create', '--agent', 'support-bot').code).toBe(0);
    expect(warden('agent', 'archive', '--agent', 'support-bot')).toMatchObject({
      code: 0,
      stdout: 'archived support-bot: 1 keys revoked, 0 pending actions rejected, 0 approved actions blocked',
    });
    expect(
      query(
        'SELECT COUNT(*) AS "live" FROM "AgentKey" k JOIN "Agent" a ON a."id" = k."agentId" WHERE a."name" = ? AND k."revokedAt" IS NULL',
        'support-bot',
      ),
    ).toEqual([{ live: 0 }]);
    expect(warden('agent', 'list').stdout.split('\n')).toContain('support-bot (archived)');
    for (const args of [
      ['archive', '--agent', 'support-bot'],
      ['edit', '--agent', 'support-bot', '--purpose', 'x'],
      ['pause', '--agent', 'support-bot'],
    ]) {
      expect(warden('agent', ...args)).toMatchObject({
        code: 1,
        stderr: 'warden: Agent "support-bot" is archived: it is read-only.',
      });
    }
    expect(warden('key', 'create', '--agent', 'support-bot').code).toBe(1);
    const again = warden('agent', 'create', '--name', 'support-bot', '--owner', 'olga@cli.test');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('an agent named "support-bot" already exists (names are never reused');
  }, 60_000);
});
