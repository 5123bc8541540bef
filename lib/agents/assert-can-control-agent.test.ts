import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import type { Role } from '../auth/permissions';
import { assertCanControlAgent, canControlAgent } from './assert-can-control-agent';

const user = (id: string, ...roles: Role[]): Actor => ({ type: 'user', id, email: `${id}@x.io`, name: id, roles });
const agent = { ownerId: 'olga' };

describe('who controls an agent', () => {
  it.each<[string, Actor, boolean]>([
    ['its owner', user('olga', 'owner'), true],
    ['another owner', user('omar', 'owner'), false],
    ['an admin', user('ada', 'admin'), true],
    ['a reviewer', user('rita', 'reviewer'), false],
    ['its owner without the owner role any more', user('olga', 'viewer'), false],
    ['the CLI', { type: 'cli', id: 'cli' }, true],
    ['an agent key', { type: 'agent', id: 'olga', name: 'bot', keyId: 'k' }, false],
  ])('%s: %s', (_name, actor, allowed) => {
    expect(canControlAgent(actor, agent)).toBe(allowed);
    if (allowed) expect(() => assertCanControlAgent(actor, agent)).not.toThrow();
    else expect(() => assertCanControlAgent(actor, agent)).toThrow();
  });

  it.each<[string, Actor]>([
    ['its owner', user('olga', 'owner')],
    ['an admin', user('ada', 'admin')],
    ['the CLI', { type: 'cli', id: 'cli' }],
  ])('nobody changes an archived agent, not even %s', (_name, actor) => {
    const archived = { ownerId: 'olga', name: 'old-bot', archivedAt: new Date() };
    expect(canControlAgent(actor, archived)).toBe(false);
    expect(() => assertCanControlAgent(actor, archived)).toThrow('Agent "old-bot" is archived: it is read-only.');
  });
});
