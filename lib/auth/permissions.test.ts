import { describe, expect, it } from 'vitest';
import { can, type Actor } from './actor';
import { AGENT_KEY_PERMISSIONS, PERMISSIONS, ROLE_PERMISSIONS } from './permissions';

const user = (...roles: ('admin' | 'owner' | 'reviewer' | 'viewer')[]): Actor => ({
  type: 'user',
  id: 'u',
  email: 'u@x.io',
  name: 'U',
  roles,
});
const agent: Actor = { type: 'agent', id: 'a', name: 'bot', keyId: 'k' };

describe('permissions', () => {
  it.each<[string, Actor, string, boolean]>([
    ['viewer cannot decide', user('viewer'), 'actions.decide', false],
    ['reviewer can decide', user('reviewer'), 'actions.decide', true],
    ['reviewer cannot pause', user('reviewer'), 'agents.control', false],
    ['owner can pause (own agents, checked in the domain)', user('owner'), 'agents.control', true],
    ['owner cannot decide', user('owner'), 'actions.decide', false],
    ['only admins stop everything', user('owner', 'reviewer'), 'switches.manage', false],
    ['admin stops everything', user('admin'), 'switches.manage', true],
    ['roles add up', user('owner', 'reviewer'), 'actions.decide', true],
    ['agent key proposes', agent, 'actions.propose', true],
    ['agent key cannot decide', agent, 'actions.decide', false],
    ['agent key cannot control agents', agent, 'agents.control', false],
    ['agent key cannot touch switches', agent, 'switches.manage', false],
  ])('%s', (_name, actor, permission, expected) => {
    expect(can(actor, permission as never)).toBe(expected);
  });

  it('no human role holds agent-only permissions, and agent keys hold nothing else', () => {
    for (const permissions of Object.values(ROLE_PERMISSIONS)) {
      for (const permission of AGENT_KEY_PERMISSIONS) expect(permissions).not.toContain(permission);
    }
    for (const permission of [...AGENT_KEY_PERMISSIONS, ...Object.values(ROLE_PERMISSIONS).flat()])
      expect(PERMISSIONS).toContain(permission);
  });
});
