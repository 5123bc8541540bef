import { test, expect } from '../fixtures/test';
import { account, IDP_NAME, PASSWORD, ROLE_MAP, signInAtProvider, useSingleSignOn } from '../fixtures/single-sign-on';

// Single sign-on only (e2e/fixtures/single-sign-on.ts: Warden on base+17, its provider on base+18): users created just
// in time, roles from groups, password sign-in off.
test.describe.configure({ mode: 'serial' });

test.describe('single sign-on only, users created just in time, roles from groups', () => {
  const sso = useSingleSignOn(
    'single-sign-on-jit',
    17,
    { WARDEN_OIDC_JIT: 'on', WARDEN_OIDC_ROLE_MAP: ROLE_MAP, WARDEN_PASSWORD_SIGNIN: 'off' },
    { email: 'rita@warden.test', name: 'Rita', role: 'viewer' },
  );

  test('the sign-in page offers only the provider, and a password sign-in is refused by the server', async ({
    browser,
  }, testInfo) => {
    const page = await sso.newPage(browser);
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
    sso.idp.setAccount('rita', account('rita@warden.test', ['warden-reviewers']));
    const page = await sso.newPage(browser);
    const authorization = page.waitForRequest((request) => request.url().startsWith(`${sso.idp.issuer}/auth?`));
    await signInAtProvider(page, 'rita');
    // The code flow with PKCE (S256), state and nonce (the provider also requires PKCE of this client).
    const sent = new URL((await authorization).url()).searchParams;
    expect(sent.get('response_type')).toBe('code');
    expect(sent.get('code_challenge_method')).toBe('S256');
    for (const check of ['code_challenge', 'state', 'nonce']) expect(sent.get(check)).toMatch(/^[\w-]{20,}$/);
    await expect(page).toHaveURL(`${sso.server.baseURL}/queue`);
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    await expect(page.getByText('reviewer', { exact: true })).toBeVisible();
    expect(sso.userLine('rita@warden.test')).toBe('rita@warden.test reviewer active');
    expect(sso.auditEvents('user.roles_changed')).toContainEqual({
      actor: 'system:single-sign-on',
      email: 'rita@warden.test',
      before: ['viewer'],
      after: ['reviewer'],
    });
    expect(sso.auditEvents('user.signed_in_sso').at(-1)).toMatchObject({
      email: 'rita@warden.test',
      roles: ['reviewer'],
    });
    await page.context().close();
  });

  test('a new person is created at sign-in with the role of their groups; changed groups re-map it at the next sign-in', async ({
    browser,
  }) => {
    sso.idp.setAccount('olga', account('olga@warden.test', ['warden-owners', 'unrelated']));
    const page = await sso.newPage(browser);
    await signInAtProvider(page, 'olga');
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    await expect(page.getByText('owner', { exact: true })).toBeVisible();
    expect(sso.userLine('olga@warden.test')).toBe('olga@warden.test owner active');
    expect(sso.auditEvents('user.created')).toContainEqual({
      actor: 'system:single-sign-on',
      email: 'olga@warden.test',
      roles: ['owner'],
    });

    sso.idp.setAccount('olga', account('olga@warden.test', ['warden-reviewers', 'warden-admins']));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    // The provider remembers the person and their consent: straight back.
    await page.getByRole('button', { name: `Sign in with ${IDP_NAME}` }).click();
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    await expect(page.getByText('admin, reviewer', { exact: true })).toBeVisible();
    expect(sso.userLine('olga@warden.test')).toBe('olga@warden.test admin,reviewer active');
    expect(sso.auditEvents('user.roles_changed')).toContainEqual({
      actor: 'system:single-sign-on',
      email: 'olga@warden.test',
      before: ['owner'],
      after: ['admin', 'reviewer'],
    });
    await page.context().close();
  });

  test('refused: an unverified e-mail, and groups that map to no role (no default in the map)', async ({ browser }) => {
    sso.idp.setAccount('uma', account('uma@warden.test', ['warden-admins'], false));
    const page = await sso.newPage(browser);
    await signInAtProvider(page, 'uma');
    await expect(page).toHaveURL(/\/sign-in\?error=SsoEmailUnverified/);
    await expect(page.getByRole('alert').filter({ hasText: 'did not confirm your e-mail address' })).toBeVisible();
    expect(sso.userLine('uma@warden.test')).toBeUndefined();
    await page.context().close();

    sso.idp.setAccount('nora', account('nora@warden.test', ['marketing']));
    const other = await sso.newPage(browser);
    await signInAtProvider(other, 'nora');
    await expect(other).toHaveURL(/\/sign-in\?error=SsoNoRole/);
    await expect(other.getByRole('alert').filter({ hasText: 'None of your groups' })).toBeVisible();
    await other.goto('/queue');
    await expect(other).toHaveURL(/\/sign-in/);
    expect(sso.userLine('nora@warden.test')).toBeUndefined();
    expect(sso.auditEvents('user.sso_refused')).toEqual([
      { actor: 'system:single-sign-on', email: 'uma@warden.test', subject: 'uma', reason: 'email_unverified' },
      { actor: 'system:single-sign-on', email: 'nora@warden.test', subject: 'nora', reason: 'no_role' },
    ]);
    await other.context().close();
  });

  test('a callback the browser did not start (forged code and state) is refused', async ({ browser }) => {
    const page = await sso.newPage(browser);
    await page.goto('/api/auth/callback/oidc?code=forged-code&state=forged-state');
    await expect(page).toHaveURL(/\/sign-in\?(.*&)?error=OAuthCallback$/);
    await expect(page.getByRole('alert').filter({ hasText: 'Single sign-on did not complete' })).toBeVisible();
    expect(await (await page.request.get('/api/auth/session')).json()).toEqual({});
    await page.context().close();
  });

  test('disabling a user in Warden wins: their open session ends and the provider cannot sign them in', async ({
    browser,
  }, testInfo) => {
    sso.idp.setAccount('dora', account('dora@warden.test', ['warden-reviewers']));
    const page = await sso.newPage(browser);
    await signInAtProvider(page, 'dora');
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();

    sso.server.cli('user', 'disable', '--email', 'dora@warden.test');
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByRole('button', { name: `Sign in with ${IDP_NAME}` }).click();
    await expect(page).toHaveURL(/\/sign-in\?error=SsoDisabled/);
    await expect(page.getByRole('alert').filter({ hasText: 'Your Warden account is disabled' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('sign-in-refused-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath('sign-in-refused-phone.png'), fullPage: true });
    expect(sso.auditEvents('user.sso_refused').at(-1)).toEqual({
      actor: 'system:single-sign-on',
      email: 'dora@warden.test',
      subject: 'dora',
      reason: 'disabled',
    });
    await page.context().close();
  });
});
