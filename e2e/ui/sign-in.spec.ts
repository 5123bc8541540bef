import { test, expect } from '../fixtures/test';
import { createTestUser } from '../fixtures/factories';

test.describe('signing in', () => {
  test('a signed-out visitor to the queue signs in through the form and is sent back to the queue', async ({
    page,
  }) => {
    const reviewer = await createTestUser(['reviewer'], 'Queue Visitor');

    await page.goto('/queue');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fqueue$/);
    await page.getByLabel('Email').fill(reviewer.email);
    await page.getByLabel('Password').fill(reviewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(/\/queue$/);
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  });

  test('a wrong password keeps the visitor on the sign-in page with a message', async ({ page }) => {
    const reviewer = await createTestUser(['reviewer']);

    await page.goto('/queue');
    await page.getByLabel('Email').fill(reviewer.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'Incorrect email or password' })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/queue');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  for (const callbackUrl of [
    '%2F%09%2Fevil.example%2Fphish',
    '%2F%0A%2Fevil.example',
    '%2F%0D%0A%2Fevil.example',
    '%2F%2Fevil.example',
  ]) {
    test(`a callbackUrl of ${callbackUrl} cannot send the person off the site after signing in`, async ({
      page,
      baseURL,
    }) => {
      const reviewer = await createTestUser(['reviewer']);
      const response = await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
      expect(response?.status()).toBe(200);
      await page.getByLabel('Email').fill(reviewer.email);
      await page.getByLabel('Password').fill(reviewer.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(`${baseURL}/queue`);
      await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    });
  }
});
