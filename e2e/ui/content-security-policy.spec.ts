import { test, expect } from '../fixtures/test';
import { createTestUser } from '../fixtures/factories';

// Issue 12, item 12b: the Content-Security-Policy must not break the console. Every violation the browser reports
// (the page's own `securitypolicyviolation` events, collected from before any script runs) fails the spec.
test('signing in through the form and moving around the console raises no CSP violation', async ({
  page,
}, testInfo) => {
  const admin = await createTestUser(['admin'], 'Policy Admin');
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  await page.goto('/queue');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  expect(await violations()).toEqual([]);

  await page.getByRole('link', { name: 'Agents' }).first().click();
  await expect(page).toHaveURL(/\/agents$/);
  await expect(page.getByRole('heading', { name: 'Agents', exact: true })).toBeVisible();
  expect(await violations()).toEqual([]);

  await page.goto('/analytics');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/queue');
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  expect(await violations()).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('queue-under-csp-390.png'), fullPage: true });
});
