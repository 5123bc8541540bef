// The admin CLI's switch commands, run as an admin runs them: a child process on a SQLite file of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliWorkspace } from './cli-workspace';

const workspace = createCliWorkspace('switches');
const warden = (...args: string[]) => workspace.warden(args);
const query = workspace.query;

const eventTypes = () =>
  query<{ type: string }>(`SELECT "type" FROM "AuditEvent" WHERE "type" LIKE 'switch.%' ORDER BY "seq"`).map(
    (e) => e.type,
  );
const lastLine = (text: string) => text.split('\n').at(-1)!;

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
    warden('agent', 'create', '--name', 'support-bot', '--owner', 'olga@cli.test', '--purpose', 'answers tickets').code,
  ).toBe(0);
}, 60_000);

afterAll(workspace.remove);

describe('warden switch engage|list|release', () => {
  it('engages a switch on one agent, prints its id last; engaging it again changes nothing and is audited as such', () => {
    const first = warden(
      'switch',
      'engage',
      '--scope',
      'agent',
      '--agent',
      'support-bot',
      '--effect',
      'review-all',
      '--reason',
      'odd refunds',
    );
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const id = lastLine(first.stdout);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const again = warden(
      'switch',
      'engage',
      '--scope',
      'agent',
      '--agent',
      'support-bot',
      '--effect',
      'review-all',
      '--reason',
      'still odd',
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`already engaged: nothing changed\n${id}`);
    expect(eventTypes()).toEqual(['switch.engaged', 'switch.engage_unchanged']);

    const list = warden('switch', 'list');
    expect(list.stdout.split('\n')).toContain(`${id} agent support-bot review-all odd refunds`);

    const released = warden('switch', 'release', '--id', id, '--reason', 'checked: fine');
    expect(released).toMatchObject({ code: 0, stdout: `released ${id}` });
    expect(
      warden('switch', 'list')
        .stdout.split('\n')
        .filter((line) => line.startsWith(id)),
    ).toEqual([]);
    const payload = JSON.parse(
      query<{ payload: string }>(`SELECT "payload" FROM "AuditEvent" WHERE "type" = 'switch.released'`)[0].payload,
    );
    expect(payload).toMatchObject({ switchId: id, reason: 'checked: fine', breakGlass: true });
    expect(warden('switch', 'release', '--id', id, '--reason', 'again').stdout).toBe(`${id} was not engaged`);
  }, 60_000);

  it('stop and release stay as shorthands for the global block switch', () => {
    expect(warden('stop', '--reason', 'incident 7').stdout).toBe('global stop engaged: all agents are blocked');
    expect(warden('switch', 'list').stdout.split('\n')).toContain('global_stop global - block incident 7');
    const engaged = warden('switch', 'engage', '--scope', 'global', '--effect', 'block', '--reason', 'again');
    expect(engaged.stdout).toBe('already engaged: nothing changed\nglobal_stop');
    expect(warden('release').stdout).toBe('global stop released');
    expect(warden('release').stdout).toBe('global stop was not engaged');
  }, 60_000);

  it.each([
    [['--scope', 'global', '--effect', 'block'], 'missing --reason'],
    [['--scope', 'agent', '--effect', 'block', '--reason', 'r'], '--agent: required for scope agent'],
    [['--scope', 'tool', '--tool', 'nope.tool', '--effect', 'block', '--reason', 'r'], 'No tool named "nope.tool"'],
    [['--scope', 'agent', '--agent', 'ghost-bot', '--effect', 'block', '--reason', 'r'], 'No agent named "ghost-bot"'],
    [['--scope', 'global', '--effect', 'sideways', '--reason', 'r'], '--effect:'],
  ])(
    'refuses %j on stderr with a non-zero exit',
    (args, message) => {
      const run = warden('switch', 'engage', ...args);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(message);
    },
    30_000,
  );
});
