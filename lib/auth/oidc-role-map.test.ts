import { describe, expect, it } from 'vitest';
import { readOidcIdentity } from './oidc-claims';
import { mapGroupsToRoles, parseOidcRoleMap, type OidcRoleMap } from './oidc-role-map';

function parsed(text: string): OidcRoleMap {
  const result = parseOidcRoleMap(text);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.map;
}

describe('parseOidcRoleMap', () => {
  it('reads group=role entries and the * default', () => {
    expect(parsed('warden-admins=admin, warden-reviewers=reviewer,*=viewer')).toEqual({
      entries: [
        { group: 'warden-admins', role: 'admin' },
        { group: 'warden-reviewers', role: 'reviewer' },
      ],
      fallback: 'viewer',
    });
  });

  it('lets one group give several roles and keeps a group name with spaces', () => {
    expect(parsed('ops=admin,ops=reviewer,Team A=owner').entries).toEqual([
      { group: 'ops', role: 'admin' },
      { group: 'ops', role: 'reviewer' },
      { group: 'Team A', role: 'owner' },
    ]);
  });

  it.each([
    ['', ['the map is empty: give group=role entries']],
    ['a=admin,,b=viewer', ['entry 2 is empty (two commas in a row?)']],
    ['admins', ['entry 1 "admins" has no "=": write group=role']],
    ['=admin', ['entry 1 "=admin" names no group before "="']],
    ['ops=root', ['entry 1 "ops=root": "root" is not a role (one of admin, owner, reviewer, viewer)']],
    ['*=viewer,*=reviewer', ['entry 2 "*=reviewer": a second default ("*"); give one']],
    ['a=admin,a=admin', ['entry 2 "a=admin" repeats an earlier entry']],
    [
      'x=boss,=viewer',
      [
        'entry 1 "x=boss": "boss" is not a role (one of admin, owner, reviewer, viewer)',
        'entry 2 "=viewer" names no group before "="',
      ],
    ],
  ])('refuses %j naming every problem', (text, problems) => {
    expect(parseOidcRoleMap(text)).toEqual({ ok: false, problems });
  });
});

describe('mapGroupsToRoles', () => {
  const map = parsed('warden-admins=admin,warden-owners=owner,warden-reviewers=reviewer,*=viewer');

  it.each([
    [['warden-admins'], ['admin']],
    [
      ['warden-owners', 'warden-reviewers', 'unrelated'],
      ['owner', 'reviewer'],
    ],
    [['warden-reviewers', 'warden-reviewers'], ['reviewer']],
    [['unrelated'], ['viewer']],
    [[], ['viewer']],
  ])('groups %j give %j', (groups, roles) => {
    expect(mapGroupsToRoles(map, groups)).toEqual(roles);
  });

  it('gives no role when nothing maps and there is no default', () => {
    expect(mapGroupsToRoles(parsed('warden-admins=admin'), ['warden-viewers'])).toEqual([]);
  });

  it('never matches a group by prefix or case', () => {
    expect(mapGroupsToRoles(parsed('warden-admins=admin'), ['warden-admins-old', 'WARDEN-ADMINS'])).toEqual([]);
  });
});

describe('readOidcIdentity', () => {
  it('reads a verified e-mail (lower-cased), the name and the groups', () => {
    expect(
      readOidcIdentity(
        { sub: 's1', email: 'Ada@Example.com', email_verified: true, name: ' Ada ', groups: ['a', 'b', 3] },
        'groups',
      ),
    ).toEqual({ subject: 's1', email: 'ada@example.com', emailVerified: true, name: 'Ada', groups: ['a', 'b'] });
  });

  it.each([[false], [undefined], ['yes'], [1], [null]])('reads email_verified %j as unverified', (verified) => {
    expect(
      readOidcIdentity({ sub: 's', email: 'a@example.com', email_verified: verified }, 'groups').emailVerified,
    ).toBe(false);
  });

  it('accepts the string "true" some providers send', () => {
    expect(readOidcIdentity({ sub: 's', email: 'a@example.com', email_verified: 'true' }, 'groups').emailVerified).toBe(
      true,
    );
  });

  it('is unverified without an e-mail, whatever email_verified says', () => {
    expect(readOidcIdentity({ sub: 's', email_verified: true }, 'groups')).toMatchObject({
      email: null,
      emailVerified: false,
    });
  });

  it('reads the role claim by exact name first, then as a dotted path, and one name as a list of one', () => {
    const claims = {
      'https://example.com/groups': ['namespaced'],
      realm_access: { roles: ['nested'] },
      single: 'one',
      bad: { not: 'a list' },
    };
    expect(readOidcIdentity(claims, 'https://example.com/groups').groups).toEqual(['namespaced']);
    expect(readOidcIdentity(claims, 'realm_access.roles').groups).toEqual(['nested']);
    expect(readOidcIdentity(claims, 'single').groups).toEqual(['one']);
    expect(readOidcIdentity(claims, 'bad').groups).toEqual([]);
    expect(readOidcIdentity(claims, 'missing.path').groups).toEqual([]);
    expect(readOidcIdentity(claims, 'realm_access.roles.length').groups).toEqual([]);
  });
});
