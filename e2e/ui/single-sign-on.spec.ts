import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import { startOwnServer, type OwnServer } from '../fixtures/own-server';
import { startOidcProvider, type OidcAccount, type TestOidcProvider } from '../fixtures/oidc-provider';

// Single sign-on end to end: Warden (its own server, base+17) against a real OpenID Connect provider (oidc-provider,
// base+18), signed in through the provider's own login and consent pages in Chromium. Two configurations, one after
// the other on the same port: SSO only with just-in-time users and roles from groups; then SSO beside passwords,
// no just-in-time users and Warden's own roles.
const IDP_NAME = 'Test IdP';
const ROLE_MAP = 'warden-admins=admin,warden-owners=owner,warden-reviewers=reviewer';
const PASSWORD = 'a-long-enough-password';
let idp: TestOidcProvider;
let server: OwnServer;

test.describe.configure({ mode: 'serial' });

const wardenBaseURL = `http://localhost:${Number(process.env.WARDEN_TEST_PORT_BASE ?? 3100) + 17}`;

test.beforeAll(async () => {
  idp = await startOidcProvider(wardenBaseURL);
});

test.afterAll(() => idp?.stop());

function oidcEnv(extra: Record<string, string>): Record<string, string> {
  return {
    WARDEN_OIDC_ISSUER: idp.issuer,
    WARDEN_OIDC_CLIENT_ID: idp.clientId,
    WARDEN_OIDC_CLIENT_SECRET: idp.clientSecret,
    WARDEN_OIDC_NAME: IDP_NAME,
    WARDEN_OIDC_SCOPES: 'openid email profile groups',
    ...extra,
  };
}

/** Stops the server and waits until its port is free, so the next configuration can start on it. */
async function stopServer() {
  if (!server) return;
  server.stop();
  await expect
    .poll(
      async () =>
        await fetch(wardenBaseURL)
          .then(() => 'up')
          .catch(() => 'down'),
      { timeout: 30_000 },
    )
    .toBe('down');
}

function account(email: string, groups: string[], verified = true): OidcAccount {
  return { email, email_verified: verified, name: email.split('@')[0]!.replace(/^./, (c) => c.toUpperCase()), groups };
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseURL });
  // The provider's development pages import a web font; this machine has no internet.
  await context.route('https://fonts.googleapis.com/**', (route) => route.abort());
  return context.newPage();
}

/** From Warden's sign-in page through the provider's login (any password) and, the first time, its consent. */
async function signInAtProvider(page: Page, login: string, { consent = true } = {}) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: `Sign in with ${IDP_NAME}` }).click();
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  if (consent) await page.getByRole('button', { name: 'Continue' }).click();
}

function auditEvents(type: string): Array<Record<string, unknown>> {
  const database = new Database(path.resolve(__dirname, '../..', server.databaseUrl.slice('file:'.length)), {
    readonly: true,
  });
  try {
    const rows = database
      .prepare(`SELECT "actorType", "actorId", "payload" FROM "AuditEvent" WHERE "type" = ? ORDER BY "seq"`)
      .all(type) as Array<{ actorType: string; actorId: string; payload: string }>;
    return rows.map((row) => ({ actor: `${row.actorType}:${row.actorId}`, ...JSON.parse(row.payload) }));
  } finally {
    database.close();
  }
}

function userLine(email: string): string | undefined {
  return server
    .cli('user', 'list')
    .split('\n')
    .find((line) => line.startsWith(`${email} `));
}

test.describe('single sign-on only, users created just in time, roles from groups', () => {
  test.beforeAll(async () => {
    server = await startOwnServer(
      'single-sign-on-jit',
      17,
      oidcEnv({ WARDEN_OIDC_JIT: 'on', WARDEN_OIDC_ROLE_MAP: ROLE_MAP, WARDEN_PASSWORD_SIGNIN: 'off' }),
    );
    server.cli(
      'user',
      'create',
      '--email',
      'rita@warden.test',
      '--name',
      'Rita',
      '--role',
      'viewer',
      '--password',
      PASSWORD,
    );
  });
  test.afterAll(stopServer);

  test('the sign-in page offers only the provider, and a password sign-in is refused by the server', async ({
    browser,
  }, testInfo) => {
    const page = await newPage(browser);
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: `Sign in with ${IDP_NAME}` })).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveCount(0);
    await expect(page.getByLabel('Email')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('sign-in-sso-only-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath('sign-in-sso-only-phone.png'), fullPage: true });

    const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const refused = await page.request.post('/api/auth/callback/credentials', {
      form: { csrfToken: csrf.csrfToken, email: 'rita@warden.test', password: PASSWORD, json: 'true' },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);
    expect(await (await page.request.get('/api/auth/session')).json()).toEqual({});
    await page.context().close();
  });

  test('an existing user is matched by verified e-mail, lands in the console, and takes the role of their groups', async ({
    browser,
  }) => {
    idp.setAccount('rita', account('rita@warden.test', ['warden-reviewers']));
    const page = await newPage(browser);
    const authorization = page.waitForRequest((request) => request.url().startsWith(`${idp.issuer}/auth?`));
    await signInAtProvider(page, 'rita');
    // The code flow with PKCE (S256), state and nonce (the provider also requires PKCE of this client).
    const sent = new URL((await authorization).url()).searchParams;
    expect(sent.get('response_type')).toBe('code');
    expect(sent.get('code_challenge_method')).toBe('S256');
    for (const check of ['code_challenge', 'state', 'nonce']) expect(sent.get(check)).toMatch(/^[\w-]{20,}$/);
    await expect(page).toHaveURL(`${server.baseURL}/queue`);
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    await expect(page.getByText('reviewer', { exact: true })).toBeVisible();
    expect(userLine('rita@warden.test')).toBe('rita@warden.test reviewer active');
    expect(auditEvents('user.roles_changed')).toContainEqual({
      actor: 'system:single-sign-on',
      email: 'rita@warden.test',
      before: ['viewer'],
      after: ['reviewer'],
    });
    expect(auditEvents('user.signed_in_sso').at(-1)).toMatchObject({ email: 'rita@warden.test', roles: ['reviewer'] });
    await page.context().close();
  });

  test('a new person is created at sign-in with the role of their groups; changed groups re-map it at the next sign-in', async ({
    browser,
  }) => {
    idp.setAccount('olga', account('olga@warden.test', ['warden-owners', 'unrelated']));
    const page = await newPage(browser);
    await signInAtProvider(page, 'olga');
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    await expect(page.getByText('owner', { exact: true })).toBeVisible();
    expect(userLine('olga@warden.test')).toBe('olga@warden.test owner active');
    expect(auditEvents('user.created')).toContainEqual({
      actor: 'system:single-sign-on',
      email: 'olga@warden.test',
      roles: ['owner'],
    });

    idp.setAccount('olga', account('olga@warden.test', ['warden-reviewers', 'warden-admins']));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    // The provider remembers the person and their consent: straight back.
    await page.getByRole('button', { name: `Sign in with ${IDP_NAME}` }).click();
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    await expect(page.getByText('admin, reviewer', { exact: true })).toBeVisible();
    expect(userLine('olga@warden.test')).toBe('olga@warden.test admin,reviewer active');
    expect(auditEvents('user.roles_changed')).toContainEqual({
      actor: 'system:single-sign-on',
      email: 'olga@warden.test',
      before: ['owner'],
      after: ['admin', 'reviewer'],
    });
    await page.context().close();
  });

  test('refused: an unverified e-mail, and groups that map to no role (no default in the map)', async ({ browser }) => {
    idp.setAccount('uma', account('uma@warden.test', ['warden-admins'], false));
    const page = await newPage(browser);
    await signInAtProvider(page, 'uma');
    await expect(page).toHaveURL(/\/sign-in\?error=SsoEmailUnverified/);
    await expect(page.getByRole('alert').filter({ hasText: 'did not confirm your e-mail address' })).toBeVisible();
    expect(userLine('uma@warden.test')).toBeUndefined();
    await page.context().close();

    idp.setAccount('nora', account('nora@warden.test', ['marketing']));
    const other = await newPage(browser);
    await signInAtProvider(other, 'nora');
    await expect(other).toHaveURL(/\/sign-in\?error=SsoNoRole/);
    await expect(other.getByRole('alert').filter({ hasText: 'None of your groups' })).toBeVisible();
    await other.goto('/queue');
    await expect(other).toHaveURL(/\/sign-in/);
    expect(userLine('nora@warden.test')).toBeUndefined();
    expect(auditEvents('user.sso_refused')).toEqual([
      { actor: 'system:single-sign-on', email: 'uma@warden.test', subject: 'uma', reason: 'email_unverified' },
      { actor: 'system:single-sign-on', email: 'nora@warden.test', subject: 'nora', reason: 'no_role' },
    ]);
    await other.context().close();
  });

  test('a callback the browser did not start (forged code and state) is refused', async ({ browser }) => {
    const page = await newPage(browser);
    await page.goto('/api/auth/callback/oidc?code=forged-code&state=forged-state');
    await expect(page).toHaveURL(/\/sign-in\?(.*&)?error=OAuthCallback$/);
    await expect(page.getByRole('alert').filter({ hasText: 'Single sign-on did not complete' })).toBeVisible();
    expect(await (await page.request.get('/api/auth/session')).json()).toEqual({});
    await page.context().close();
  });

  test('disabling a user in Warden wins: their open session ends and the provider cannot sign them in', async ({
    browser,
  }, testInfo) => {
    idp.setAccount('dora', account('dora@warden.test', ['warden-reviewers']));
    const page = await newPage(browser);
    await signInAtProvider(page, 'dora');
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();

    server.cli('user', 'disable', '--email', 'dora@warden.test');
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByRole('button', { name: `Sign in with ${IDP_NAME}` }).click();
    await expect(page).toHaveURL(/\/sign-in\?error=SsoDisabled/);
    await expect(page.getByRole('alert').filter({ hasText: 'Your Warden account is disabled' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('sign-in-refused-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath('sign-in-refused-phone.png'), fullPage: true });
    expect(auditEvents('user.sso_refused').at(-1)).toEqual({
      actor: 'system:single-sign-on',
      email: 'dora@warden.test',
      subject: 'dora',
      reason: 'disabled',
    });
    await page.context().close();
  });
});

test.describe('single sign-on beside passwords, no just-in-time users, Warden keeps the roles', () => {
  test.beforeAll(async () => {
    server = await startOwnServer('single-sign-on-password', 17, oidcEnv({}));
    server.cli(
      'user',
      'create',
      '--email',
      'vera@warden.test',
      '--name',
      'Vera',
      '--role',
      'owner',
      '--password',
      PASSWORD,
    );
  });
  test.afterAll(stopServer);

  test('the page offers both; a known user keeps their Warden roles; an unknown one is refused', async ({
    browser,
  }, testInfo) => {
    const page = await newPage(browser);
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: `Sign in with ${IDP_NAME}` })).toBeVisible();
    await expect(page.getByLabel('Email')).toBeVisible();
    await expect(page.getByLabel('Password')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('sign-in-both-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath('sign-in-both-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    idp.setAccount('vera', account('vera@warden.test', ['warden-admins']));
    await signInAtProvider(page, 'vera');
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    await expect(page.getByText('owner', { exact: true })).toBeVisible();
    expect(userLine('vera@warden.test')).toBe('vera@warden.test owner active');
    await page.context().close();

    idp.setAccount('ursula', account('ursula@warden.test', ['warden-admins']));
    const stranger = await newPage(browser);
    await signInAtProvider(stranger, 'ursula');
    await expect(stranger).toHaveURL(/\/sign-in\?error=SsoUnknownUser/);
    await expect(
      stranger.getByRole('alert').filter({ hasText: 'There is no Warden account for your e-mail address' }),
    ).toBeVisible();
    expect(userLine('ursula@warden.test')).toBeUndefined();
    expect(auditEvents('user.sso_refused')).toEqual([
      { actor: 'system:single-sign-on', email: 'ursula@warden.test', subject: 'ursula', reason: 'unknown_user' },
    ]);
    await stranger.context().close();
  });

  test('password sign-in still works beside single sign-on', async ({ browser }) => {
    const page = await newPage(browser);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('vera@warden.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    await page.context().close();
  });
});
