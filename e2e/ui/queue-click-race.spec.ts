import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import { createTestUser } from '../fixtures/factories';
import { seedTicketAgent } from '../fixtures/queue-factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { reviewActionBatch } = appModule<typeof import('@/lib/actions/review-action-batch')>(
  '@/lib/actions/review-action-batch',
);

// Any error in the page fails the test: a hydration mismatch (React #418) re-creates the whole tree, and a click in
// flight on a row is lost with it — the cause of CI's swallowed clicks, an age rounding to another minute between the
// server's render and hydration.
const pageErrors = new WeakMap<Page, string[]>();
test.beforeEach(({ page }) => {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
});
test.afterEach(({ page }) => {
  expect(pageErrors.get(page), 'errors in the page').toEqual([]);
});

// A live update is a round trip through a busy test machine (Chromium, three servers): allow seconds, not one.
const LIVE = { timeout: 10_000 };

// The click that was swallowed (CI's review-loop failures): a live update landing while a reviewer clicks a row.
// The test decides when updates happen: one between the button's press and its release, another while the action
// page is on its way (its response held until the update has been applied), so the race is the same every run.
test('a live update arriving during a click on a row, and during the navigation it starts, does not stop it', async ({
  page,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Rae Race');
  const other = await createTestUser(['reviewer'], 'Omar Other');
  const { tool, client } = await seedTicketAgent();
  const target = (
    await client.propose({ tool: tool.name, params: { title: 'Open me', priority: 1 }, sources: [{ title: 't' }] })
  ).body.id as string;
  const bystander = (
    await client.propose({
      tool: tool.name,
      params: { title: 'Decided elsewhere', priority: 1 },
      sources: [{ title: 't' }],
    })
  ).body.id as string;
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/queue?tool=${tool.name}`);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible(LIVE);

  // Hold the navigation's request for the action page (not a hover prefetch) until released.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let navigationRequested = false;
  await page.route(`**/actions/${target}*`, async (route) => {
    if (!route.request().headers()['next-router-prefetch']) {
      navigationRequested = true;
      await released;
    }
    await route.continue();
  });

  const link = page.getByRole('link', { name: 'Ticket "Open me"' });
  await link.hover();
  await page.mouse.down();
  // An update between press and release: a new proposal. The pointer is on the list, so it waits behind a button
  // instead of pushing the row under the pointer down.
  await client.propose({
    tool: tool.name,
    params: { title: 'Arrived mid-click', priority: 2 },
    sources: [{ title: 't' }],
  });
  await expect(page.getByRole('button', { name: 'Show 1 new proposal' })).toBeVisible(LIVE);
  await page.mouse.up();

  await expect.poll(() => navigationRequested, LIVE).toBe(true);
  // An update while the navigation is in flight: another row decided by someone else leaves the list.
  await rejectAction(other.actor, { actionId: bystander, comment: 'handled by hand' });
  await expect(page.locator(`tr[data-row-id="${bystander}"]`)).toHaveCount(0, LIVE);
  release();

  await expect(page).toHaveURL(new RegExp(`/actions/${target}$`), LIVE);
  await expect(page.getByRole('heading', { name: 'Parameters' })).toBeVisible();
});

// The browser's clock ten minutes ahead of the server's: every age the client computes differs from the one the
// server rendered. Hydration must still render the server's text (ages start from its clock), or React re-creates
// the tree (error #418) and the click below, made at once, may land on a removed link.
test('a click on a row right after the page loads opens it, however far the browser clock is from the server', async ({
  page,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Cleo Clock');
  const { tool, client } = await seedTicketAgent();
  const target = (
    await client.propose({ tool: tool.name, params: { title: 'Right away', priority: 1 }, sources: [{ title: 't' }] })
  ).body.id as string;
  await signIn(page, reviewer.email, reviewer.password);
  await page.clock.setFixedTime(new Date(Date.now() + 10 * 60_000));
  await page.goto(`/queue?tool=${tool.name}`);
  await page.getByRole('link', { name: 'Ticket "Right away"' }).click();
  await expect(page).toHaveURL(new RegExp(`/actions/${target}$`), LIVE);
  await expect(page.getByRole('heading', { name: 'Parameters' })).toBeVisible();
});

test('new proposals wait while the pointer is on the list, and join it when the reviewer asks or looks away', async ({
  page,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Hal Held');
  const { tool, client } = await seedTicketAgent();
  await client.propose({ tool: tool.name, params: { title: 'Already here', priority: 1 }, sources: [{ title: 't' }] });
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/queue?tool=${tool.name}`);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible(LIVE);
  const rows = page.locator('tr[data-row-id]');
  await expect(rows).toHaveCount(1);

  await page.getByRole('link', { name: 'Ticket "Already here"' }).hover();
  const first = (
    await client.propose({ tool: tool.name, params: { title: 'Held one', priority: 2 }, sources: [{ title: 't' }] })
  ).body.id as string;
  await expect(page.getByRole('button', { name: 'Show 1 new proposal' })).toBeVisible(LIVE);
  await expect(page.getByTestId('queue-count')).toContainText(/^2 of \d+ pending/, LIVE);
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Show 1 new proposal' }).click();
  await expect(page.locator(`tr[data-row-id="${first}"]`)).toBeVisible();
  await expect(rows.first()).toHaveAttribute('data-row-id', first);

  const second = (
    await client.propose({ tool: tool.name, params: { title: 'Held two', priority: 2 }, sources: [{ title: 't' }] })
  ).body.id as string;
  await expect(page.getByRole('button', { name: 'Show 1 new proposal' })).toBeVisible(LIVE);
  await page.mouse.move(5, 5); // away from the list (and nothing of it focused)
  await expect(rows.first()).toHaveAttribute('data-row-id', second);
  await expect(page.getByRole('button', { name: /Show \d+ new/ })).toHaveCount(0);
});

test('a selected row decided elsewhere leaves, saying who decided it; "Show more" pages by keyset', async ({
  page,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Sel Ected');
  const other = await createTestUser(['reviewer'], 'Dee Cider');
  const { tool, client } = await seedTicketAgent();
  const ids: string[] = [];
  for (let n = 0; n < 53; n++)
    ids.push(
      (await client.propose({ tool: tool.name, params: { title: `Row ${n}`, priority: 1 }, sources: [{ title: 't' }] }))
        .body.id,
    );
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/queue?tool=${tool.name}`);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible(LIVE);
  const rows = page.locator('tr[data-row-id]');
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toHaveAttribute('data-row-id', ids[52]);
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect(rows).toHaveCount(53);
  await expect(rows.last()).toHaveAttribute('data-row-id', ids[0]);
  await expect(page.getByRole('button', { name: 'Show more' })).toHaveCount(0);

  await page.keyboard.press('j');
  await expect(page.locator(`tr[data-row-id="${ids[52]}"]`)).toHaveAttribute('aria-selected', 'true');
  await approveAction(other.actor, { actionId: ids[52] });
  await expect(page.locator(`tr[data-row-id="${ids[52]}"]`)).toHaveCount(0, LIVE);
  await expect(page.getByRole('status').filter({ hasText: `approved by ${other.name} just now` })).toBeVisible();
  await expect(page.locator(`tr[data-row-id="${ids[51]}"]`)).toHaveAttribute('aria-selected', 'true');
  await reviewActionBatch(reviewer.actor, {
    actionIds: ids.slice(0, 52),
    decision: 'rejected',
    comment: 'cleanup',
  });
});
