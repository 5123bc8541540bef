import { beforeAll, describe, expect, it } from 'vitest';
import type { OidcSettings } from '../auth/oidc-settings';
import { parseOidcRoleMap } from '../auth/oidc-role-map';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

const roleMap = parseOidcRoleMap('idp-admins=admin,idp-reviewers=reviewer');
if (!roleMap.ok) throw new Error('role map');
const SETTINGS: OidcSettings = {
  issuer: 'https://idp.example',
  clientId: 'warden',
  clientSecret: 'secret',
  name: 'IdP',
  scopes: 'openid email profile groups',
  jit: true,
  roleClaim: 'groups',
  roleMap: roleMap.map,
};

/**
 * signInWithOidc on a real database: the rules the browser spec cannot reach cheaply (the last admin, a race-free
 * re-map, Warden's roles standing without a map), each audited.
 */
describe.each(TEST_DATABASES)('signInWithOidc on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-oidc-sign-in');
  let w: typeof import('../seed/test-world');
  let oidc: typeof import('./sign-in-with-oidc');
  beforeAll(async () => {
    w = await import('../seed/test-world');
    oidc = await import('./sign-in-with-oidc');
  });

  const claims = (email: string, groups: string[]) => ({ sub: `sub-${email}`, email, email_verified: true, groups });

  async function roles(email: string) {
    return (await database.client.user.findUniqueOrThrow({ where: { email } })).roles;
  }

  it('refuses to take admin from the last active admin, changing nothing, and audits the refusal', async () => {
    const admin = await w.person(['admin'], 'Only Admin');
    const result = await oidc.signInWithOidc(
      oidc.IDENTITY_PROVIDER_ACTOR,
      claims(admin.email, ['idp-reviewers']),
      SETTINGS,
    );
    expect(result).toEqual({ ok: false, reason: 'last_admin' });
    expect(await roles(admin.email)).toBe('admin');
    const refusal = await database.client.auditEvent.findFirst({
      where: { type: 'user.sso_refused' },
      orderBy: { seq: 'desc' },
    });
    expect(JSON.parse(refusal!.payload)).toEqual({
      email: admin.email,
      subject: `sub-${admin.email}`,
      reason: 'last_admin',
    });
  });

  it('takes admin away once another admin remains', async () => {
    const [first, second] = [await w.person(['admin']), await w.person(['admin'])];
    const result = await oidc.signInWithOidc(
      oidc.IDENTITY_PROVIDER_ACTOR,
      claims(first.email, ['idp-reviewers']),
      SETTINGS,
    );
    expect(result).toMatchObject({ ok: true, user: { email: first.email, roles: ['reviewer'] } });
    expect(await roles(first.email)).toBe('reviewer');
    expect(await roles(second.email)).toBe('admin');
  });

  it('without a role map, Warden keeps its own roles whatever the groups say', async () => {
    const owner = await w.person(['owner']);
    const result = await oidc.signInWithOidc(oidc.IDENTITY_PROVIDER_ACTOR, claims(owner.email, ['idp-admins']), {
      ...SETTINGS,
      jit: false,
      roleMap: null,
    });
    expect(result).toMatchObject({ ok: true, user: { roles: ['owner'] } });
    expect(await roles(owner.email)).toBe('owner');
  });

  it('a user created just in time has an unusable password: only single sign-on opens the account', async () => {
    const email = 'new.person@warden.test';
    const result = await oidc.signInWithOidc(oidc.IDENTITY_PROVIDER_ACTOR, claims(email, ['idp-reviewers']), SETTINGS);
    expect(result).toMatchObject({ ok: true, user: { email, name: email, roles: ['reviewer'] } });
    const row = await database.client.user.findUniqueOrThrow({ where: { email } });
    expect(row).toMatchObject({ mustChangePassword: false, disabled: false });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
  });

  it('voids a pending one-time password: the provider vouched for the person, who is not held at "change it"', async () => {
    const email = 'invited@warden.test';
    const { createUser } = await import('./create-user');
    const invited = await createUser(oidc.IDENTITY_PROVIDER_ACTOR, { email, name: 'Invited', roles: ['viewer'] });
    expect(invited.password).toEqual(expect.any(String));
    const result = await oidc.signInWithOidc(oidc.IDENTITY_PROVIDER_ACTOR, claims(email, ['idp-reviewers']), SETTINGS);
    expect(result).toMatchObject({ ok: true });
    const row = await database.client.user.findUniqueOrThrow({ where: { email } });
    expect(row).toMatchObject({ mustChangePassword: false, passwordExpiresAt: null });
    const { authenticateUser } = await import('./authenticate-user');
    expect(await authenticateUser({ email, password: invited.password }, '127.0.0.1')).toBeNull();
    const signedIn = await database.client.auditEvent.findFirst({
      where: { type: 'user.signed_in_sso' },
      orderBy: { seq: 'desc' },
    });
    expect(JSON.parse(signedIn!.payload)).toMatchObject({ email, oneTimePasswordVoided: true });
  });

  it('the same e-mail from the provider in another case is the same user', async () => {
    const reviewer = await w.person(['reviewer']);
    const result = await oidc.signInWithOidc(
      oidc.IDENTITY_PROVIDER_ACTOR,
      claims(reviewer.email.toUpperCase(), ['idp-reviewers']),
      SETTINGS,
    );
    expect(result).toMatchObject({ ok: true, user: { id: reviewer.id } });
  });
});
