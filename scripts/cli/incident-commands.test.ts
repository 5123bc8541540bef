// The admin CLI's incident commands, run as an admin runs them: a child process on a SQLite file of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliWorkspace } from './cli-workspace';

const workspace = createCliWorkspace('incidents');
const warden = (...args: string[]) => workspace.warden(args);
const query = workspace.query;
const lastLine = (text: string) => text.split('\n').at(-1)!;
const since = '2026-12-05T14:00:00+01:00';

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
  for (const name of ['refund-bot', 'mail-bot']) {
    expect(warden('agent', 'create', '--name', name, '--owner', 'olga@cli.test', '--purpose', 'p').code).toBe(0);
  }
  expect(warden('key', 'create', '--agent', 'refund-bot').code).toBe(0);
}, 60_000);

afterAll(workspace.remove);

describe('warden incident open|list|close', () => {
  it('opens for two agents with repeated --contain, prints the id alone last; lists it; closes it once', () => {
    const opened = warden(
      'incident',
      'open',
      '--title',
      'Odd refunds',
      '--agent',
      'refund-bot',
      '--agent',
      'mail-bot',
      '--since',
      since,
      '--contain',
      'pause',
      '--contain',
      'review-all',
      '--contain',
      'revoke-keys',
    );
    expect(opened).toMatchObject({ code: 0, stderr: '' });
    const id = lastLine(opened.stdout);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(opened.stdout.split('\n')[0]).toMatch(
      /^incident opened: paused refund-bot, mail-bot; 2 switch\(es\) .+; 1 key\(s\) revoked$/,
    );

    const [incident] = query<{
      severity: string;
      windowStart: number | string;
      status: string;
      openedById: string | null;
    }>(`SELECT * FROM "Incident"`);
    expect(incident).toMatchObject({ severity: 'high', status: 'open', openedById: null });
    expect(new Date(incident.windowStart).toISOString()).toBe('2026-12-05T13:00:00.000Z');
    expect(query<{ status: string }>(`SELECT "status" FROM "Agent" ORDER BY "name"`).map((a) => a.status)).toEqual([
      'paused',
      'paused',
    ]);
    expect(query(`SELECT "id" FROM "Switch" WHERE "incidentId" = ? AND "engaged" = 1`, id)).toHaveLength(2);
    expect(query(`SELECT "id" FROM "AgentKey" WHERE "revokedAt" IS NULL`)).toEqual([]);
    const events = query<{ type: string; actorType: string }>(
      `SELECT "type", "actorType" FROM "AuditEvent" WHERE "type" = 'incident.opened'`,
    );
    expect(events).toEqual([{ type: 'incident.opened', actorType: 'cli' }]);

    expect(warden('incident', 'list').stdout).toBe(
      `${id} open high 2026-12-05T13:00:00.000Z mail-bot,refund-bot Odd refunds`,
    );

    expect(warden('incident', 'close', '--id', id, '--summary', 'A loosened grant; tightened.')).toMatchObject({
      code: 0,
      stdout: `closed ${id}`,
    });
    expect(warden('incident', 'list').stdout).toBe(
      `${id} closed high 2026-12-05T13:00:00.000Z mail-bot,refund-bot Odd refunds`,
    );
    const again = warden('incident', 'close', '--id', id, '--summary', 'again');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('warden: This incident is closed: closing it again is no longer possible.');
    // Closing releases nothing: that is the return to normal's.
    expect(query(`SELECT "id" FROM "Switch" WHERE "incidentId" = ? AND "engaged" = 1`, id)).toHaveLength(2);
  }, 60_000);

  it('opens for all agents with a severity and no containment', () => {
    const opened = warden(
      'incident',
      'open',
      '--title',
      'Everything is odd',
      '--all-agents',
      '--since',
      '2026-12-06T00:00:00Z',
      '--severity',
      'critical',
    );
    expect(opened.stdout.split('\n')).toEqual([
      'incident opened (no containment)',
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    ]);
    expect(warden('incident', 'list').stdout.split('\n')[0]).toBe(
      `${lastLine(opened.stdout)} open critical 2026-12-06T00:00:00.000Z all-agents Everything is odd`,
    );
  }, 60_000);

  it.each([
    [
      ['open', '--title', 'T', '--since', since],
      2,
      'name the agents with --agent N (repeatable), or give --all-agents',
    ],
    [
      ['open', '--title', 'T', '--agent', 'refund-bot', '--all-agents', '--since', since],
      2,
      'name the agents with --agent N',
    ],
    [['open', '--title', 'T', '--agent', 'refund-bot'], 2, 'missing --since'],
    [
      ['open', '--title', 'T', '--agent', 'refund-bot', '--since', '2026-12-05 14:00'],
      1,
      '--since: an ISO-8601 time with its offset',
    ],
    [
      ['open', '--title', 'T', '--agent', 'refund-bot', '--since', '2099-01-01T00:00:00Z'],
      1,
      '--since: the window cannot start in the future',
    ],
    [['open', '--title', 'T', '--agent', 'refund-bot', '--since', since, '--contain', 'shrug'], 1, '--contain:'],
    [['open', '--title', 'T', '--agent', 'refund-bot', '--since', since, '--severity', 'meh'], 1, '--severity:'],
    [['open', '--title', 'T', '--agent', 'ghost-bot', '--since', since], 1, 'No agent named "ghost-bot"'],
    [['close', '--id', 'nope', '--summary', 's'], 1, 'No incident with that id.'],
    [['close', '--id', 'nope', '--summary', ' '], 1, '--summary: a resolution summary is required'],
  ])(
    'refuses %j on stderr with a non-zero exit',
    (args, code, message) => {
      const before = query<{ n: number }>(`SELECT COUNT(*) AS n FROM "Incident"`)[0].n;
      const run = warden('incident', ...args);
      expect(run.code).toBe(code);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(message);
      expect(query<{ n: number }>(`SELECT COUNT(*) AS n FROM "Incident"`)[0].n).toBe(before);
    },
    30_000,
  );
});
