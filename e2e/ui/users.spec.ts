import { test, expect } from '../fixtures/test';
import { createTestUser, uniqueName } from '../fixtures/factories';
import { isSignedIn } from '../fixtures/people';
import { signIn } from '../fixtures/sign-in';
import { recordTestSecret } from '../fixtures/test-logs.cjs';

// Issue 12, "People": the Users page for admins, the forced change of a one-time password, the account page.
test.describe('users page', () => {
  test('an invited user signs in with the one-time password, must change it first, then signs in with the new one', async ({
    page,
    browser,
  }) => {
    const admin = await createTestUser(['admin'], 'Invite Admin');
    await signIn(page, admin.email, admin.password);
    await page.goto('/users');
    const email = `${uniqueName('invited')}@warden.test`;
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Name').fill('Invited Person');
    await page
      .getByRole('checkbox', { name: /^viewer/ })
      .first()
      .check();
    await page.getByRole('button', { name: 'Invite user' }).click();
    const oneTime = await page.getByLabel(`One-time password for ${email}`).inputValue();
    expect(oneTime).toMatch(/^[A-Za-z0-9_-]{24}$/);
    recordTestSecret('one-time password', oneTime);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: 'test-results/people-users-desktop.png', fullPage: true });

    const invited = await browser.newPage();
    await invited.goto('/queue');
    await invited.getByLabel('Email').fill(email);
    await invited.getByLabel('Password').fill(oneTime);
    await invited.getByRole('button', { name: 'Sign in' }).click();
    await expect(invited.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await invited.setViewportSize({ width: 390, height: 844 });
    await invited.screenshot({ path: 'test-results/people-change-password-phone.png', fullPage: true });
    // Nothing else is open to them until they change it.
    expect((await invited.request.get('/queue/rows')).status()).toBe(401);
    await invited.goto('/audit');
    await expect(invited.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();

    await invited.getByLabel('Current password').fill(oneTime);
    recordTestSecret('password', 'my-own-new-password');
    await invited.getByLabel('New password', { exact: true }).fill('my-own-new-password');
    await invited.getByLabel('New password again').fill('my-own-new-password');
    await invited.getByRole('button', { name: 'Change password' }).click();
    await expect(invited.getByRole('heading', { name: 'Audit log' })).toBeVisible();

    await invited.getByRole('button', { name: 'Sign out' }).click();
    await expect(invited).toHaveURL(/\/sign-in/);
    await invited.getByLabel('Email').fill(email);
    await invited.getByLabel('Password').fill('my-own-new-password');
    await invited.getByRole('button', { name: 'Sign in' }).click();
    await expect(invited).toHaveURL(/\/queue$/);
    await invited.close();
  });

  test('disabling a user ends their open session; their roles change; sign out everywhere ends sessions', async ({
    page,
    browser,
  }) => {
    const admin = await createTestUser(['admin'], 'Users Admin');
    const reviewer = await createTestUser(['reviewer'], 'Soon Disabled');
    const other = await browser.newPage();
    await signIn(other, reviewer.email, reviewer.password);
    expect(await isSignedIn(other.request)).toBe(true);

    await signIn(page, admin.email, admin.password);
    await page.goto('/users');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Soon Disabled' }) });

    await card.getByRole('checkbox', { name: /^owner/ }).check();
    await card.getByRole('button', { name: 'Save roles' }).click();
    await expect(card.getByRole('status')).toHaveText(`Roles of ${reviewer.email} saved.`);
    await expect(card.getByText('reviewer, owner')).toBeVisible();

    await card.getByRole('button', { name: `Sign out ${reviewer.email} everywhere` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(card.getByRole('status')).toHaveText(`Every session of ${reviewer.email} has ended.`);
    expect(await isSignedIn(other.request)).toBe(false);

    await signIn(other, reviewer.email, reviewer.password);
    await card.getByRole('button', { name: `Disable ${reviewer.email}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Disable user' }).click();
    await expect(card.getByText('Disabled', { exact: true })).toBeVisible();
    expect(await isSignedIn(other.request)).toBe(false);
    await other.goto('/queue');
    await expect(other).toHaveURL(/\/sign-in/);
    await other.close();
  });

  test('the Users page on a phone', async ({ page }) => {
    const admin = await createTestUser(['admin'], 'Phone Admin');
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, admin.email, admin.password);
    await page.goto('/users');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Phone Admin (you)' }) });
    await expect(card.getByRole('button', { name: `Disable ${admin.email}` })).toBeVisible();
    await page.screenshot({ path: 'test-results/people-users-phone.png' });
  });

  test('a non-admin sees no Users link and is refused the page actions', async ({ page }) => {
    const reviewer = await createTestUser(['reviewer']);
    await signIn(page, reviewer.email, reviewer.password);
    await page.goto('/queue');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
    await page.goto('/users');
    await expect(page.getByText('Not available to your role')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Invite user' })).toHaveCount(0);
  });
});

test.describe('account page', () => {
  test('a person changes their own password with the current one, then signs in with the new one', async ({ page }) => {
    const user = await createTestUser(['viewer'], 'Account Owner');
    await signIn(page, user.email, user.password);
    await page.goto('/queue');
    await page.getByRole('link', { name: 'Your account (Account Owner)' }).click();
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();

    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill('another-long-password');
    await page.getByLabel('New password again').fill('another-long-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The current password is not correct.' })).toBeVisible();

    await page.getByLabel('Current password').fill(user.password);
    await page.getByLabel('New password', { exact: true }).fill('another-long-password');
    await page.getByLabel('New password again').fill('another-long-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('status')).toHaveText('Password changed. Your other sessions have ended.');
    await page.screenshot({ path: 'test-results/people-account-desktop.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test-results/people-account-phone.png', fullPage: true });

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('another-long-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/queue$/);
  });
});
