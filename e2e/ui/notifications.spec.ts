import { test, expect as baseExpect } from '../fixtures/test';
import { createTestUser, uniqueName } from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';
import { startWebhookReceiver } from '../fixtures/webhook-receiver';
import { createTestGroup } from '../fixtures/notification-factories';

// Server actions and page loads on a busy test machine can take several seconds; the steps wait longer than the default.
const expect = baseExpect.configure({ timeout: 15_000 });

test('an admin adds a webhook channel (secret shown once), sends a test, and sees it delivered in the log', async ({
  page,
}) => {
  test.slow(); // five steps, one of them waiting for a real delivery through the server's worker
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const group = await createTestGroup('payments');
  const receiver = await startWebhookReceiver();
  const name = uniqueName('payments-hook');
  await signIn(page, admin.email, admin.password);
  await page.goto('/queue');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();

  let secret = '';
  await test.step('a non-http URL is refused, naming the field', async () => {
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('URL').fill('ftp://example.com/hook');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'url' })).toBeVisible();
  });

  await test.step('created: the signing secret is shown once', async () => {
    await page.getByLabel('URL').fill(receiver.url);
    await page.getByLabel('Reviewer group').selectOption({ label: group.name });
    await page.getByRole('button', { name: 'Add channel' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Channel ${name} created.` })).toBeVisible();
    secret = await page.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    receiver.useSecret(secret);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(group.name);
    await expect(row).toContainText('http://127.0.0.1:');
    await expect(row).toContainText('Enabled');
    await page.screenshot({ path: 'test-results/screens/notifications-created.png', fullPage: true });
  });

  await test.step('after a reload the secret is nowhere on the page', async () => {
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: name })).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await expect(page.getByLabel('Signing secret')).toHaveCount(0);
  });

  await test.step('"Send test" is delivered, signed, and shows in the log', async () => {
    await page.getByRole('button', { name: `Send test to ${name}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Test queued' })).toBeVisible();
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(receiver.requests[0].signature).toMatchObject({ ok: true });
    expect(receiver.requests[0].headers['warden-event']).toBe('test');

    await expect(async () => {
      await page.reload();
      const logRow = page.getByRole('table', { name: 'Delivery log' }).getByRole('row').filter({ hasText: name });
      await expect(logRow).toContainText('Delivered', { timeout: 2000 });
      await expect(logRow).toContainText('Test');
      await expect(logRow).toContainText('HTTP 200');
    }).toPass({ timeout: 30_000 });
    await page.screenshot({ path: 'test-results/screens/notifications-log.png', fullPage: true });
  });

  await test.step('the log filters by status; disabling the channel turns "Send test" off', async () => {
    await page.getByLabel('Status').selectOption({ label: 'Failed' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/status=failed/);
    await expect(
      page.getByRole('table', { name: 'Delivery log' }).getByRole('row').filter({ hasText: name }),
    ).toHaveCount(0);
    await page.getByRole('button', { name: `Disable ${name}` }).click();
    await expect(page.getByRole('row').filter({ hasText: name }).getByText('Disabled', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: `Send test to ${name}` })).toBeDisabled();
  });
  await receiver.close();
});

test('a reviewer reads the delivery log but cannot manage channels; a viewer has no link to it and is told the page is not for them', async ({
  page,
  browser,
}) => {
  test.slow(); // two users signed in, in two browser contexts
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto('/notifications');
  await expect(page.getByRole('heading', { name: 'Delivery log' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add channel' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Send test/ })).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screens/notifications-reviewer-phone.png', fullPage: true });

  const viewer = await createTestUser(['viewer'], 'Vic Viewer');
  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await signIn(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto('/queue');
  await expect(viewerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' })).toBeVisible();
  await expect(
    viewerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }),
  ).toHaveCount(0);
  await viewerPage.goto('/notifications');
  await expect(viewerPage.getByText('Not available to your role')).toBeVisible();
  await context.close();
});

test('an admin subscribes a new channel to oversight events, then changes them on its row', async ({ page }) => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const group = await createTestGroup('oncall');
  const name = uniqueName('oncall-hook');
  await signIn(page, admin.email, admin.password);
  await page.goto('/notifications');

  await page.getByLabel('Name').fill(name);
  await page.getByLabel('URL').fill('https://hooks.example.test/oncall');
  await page.getByLabel('Reviewer group').selectOption({ label: group.name });
  await page
    .getByRole('group', { name: 'Oversight events' })
    .getByLabel('Agents paused or resumed (by a person or by the gate)')
    .check();
  await page.getByRole('group', { name: 'Oversight events' }).getByLabel('Kill switches engaged or released').check();
  await page.getByRole('button', { name: 'Add channel' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Channel ${name} created.` })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('switches, pauses');

  await row.getByText(`Oversight events of ${name}`).click();
  await row.getByLabel('Another channel failing its deliveries').check();
  await row.getByLabel('Kill switches engaged or released').uncheck();
  await row.getByRole('button', { name: 'Save oversight events' }).click();
  await expect(row.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('pauses, failing channels');
});
