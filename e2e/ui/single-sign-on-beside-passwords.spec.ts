import { test, expect } from '../fixtures/test';
import { account, IDP_NAME, PASSWORD, signInAtProvider, useSingleSignOn } from '../fixtures/single-sign-on';

// Single sign-on beside passwords (e2e/fixtures/single-sign-on.ts: Warden on base+24, its provider on base+25): no
// just-in-time users, Warden's own roles.
test.describe.configure({ mode: 'serial' });

test.describe('single sign-on beside passwords, no just-in-time users, Warden keeps the roles', () => {
  const sso = useSingleSignOn(
    'single-sign-on-password',
    24,
    {},
    { email: 'vera@warden.test', name: 'Vera', role: 'owner' },
  );

  test('the page offers both; a known user keeps their Warden roles; an unknown one is refused', async ({
    browser,
  }, testInfo) => {
    const page = await sso.newPage(browser);
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: `Sign in with ${IDP_NAME}` })).toBeVisible();
    await expect(page.getByLabel('Email')).toBeVisible();
    await expect(page.getByLabel('Password')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('sign-in-both-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath('sign-in-both-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    sso.idp.setAccount('vera', account('vera@warden.test', ['warden-admins']));
    await signInAtProvider(page, 'vera');
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    await expect(page.getByText('owner', { exact: true })).toBeVisible();
    expect(sso.userLine('vera@warden.test')).toBe('vera@warden.test owner active');
    await page.context().close();

    sso.idp.setAccount('ursula', account('ursula@warden.test', ['warden-admins']));
    const stranger = await sso.newPage(browser);
    await signInAtProvider(stranger, 'ursula');
    await expect(stranger).toHaveURL(/\/sign-in\?error=SsoUnknownUser/);
    await expect(
      stranger.getByRole('alert').filter({ hasText: 'There is no Warden account for your e-mail address' }),
    ).toBeVisible();
    expect(sso.userLine('ursula@warden.test')).toBeUndefined();
    expect(sso.auditEvents('user.sso_refused')).toEqual([
      { actor: 'system:single-sign-on', email: 'ursula@warden.test', subject: 'ursula', reason: 'unknown_user' },
    ]);
    await stranger.context().close();
  });

  test('password sign-in still works beside single sign-on', async ({ browser }) => {
    const page = await sso.newPage(browser);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('vera@warden.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    await page.context().close();
  });
});
