import { test, expect } from '../fixtures/test';
import { createTestUser, uniqueName } from '../fixtures/factories';
import { seedTicketAgent as seedTicketToolAgent } from '../fixtures/queue-factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { reviewActionBatch } = appModule<typeof import('@/lib/actions/review-action-batch')>(
  '@/lib/actions/review-action-batch',
);
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

const SHOTS = process.env.WARDEN_SCREENSHOTS; // a directory: set it to keep screenshots of the queue to look at
// A live update is a round trip through a busy test machine (Chromium, three servers): allow seconds, not one.
const LIVE = { timeout: 10_000 };
test.describe.configure({ timeout: 120_000 });

/** The queue's ticket agent, its rows reading 'Open ticket "…" at priority N'. */
const seedTicketAgent = (actionLevel: 'create' | 'external' = 'create') =>
  seedTicketToolAgent(actionLevel, 'Open ticket "{title}" at priority {priority}');

test('the open queue shows new proposals and decisions from elsewhere without reloading, keeping the selection', async ({
  page,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Lena Live');
  const { tool, client } = await seedTicketAgent();
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/queue?tool=${tool.name}`);
  await expect(page.getByText('No pending actions match these filters.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible(LIVE);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/queue-empty.png`, fullPage: true });
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const first = (await client.propose({ tool: tool.name, params: { title: 'First live ticket', priority: 2 } })).body
    .id as string;
  await expect(page.getByRole('link', { name: 'Open ticket "First live ticket" at priority 2' })).toBeVisible(LIVE);
  await expect(async () => {
    await page.keyboard.press('j');
    await expect(page.locator(`tr[data-row-id="${first}"]`)).toHaveAttribute('aria-selected', 'true', { timeout: 500 });
  }).toPass();

  // The same <a> must survive the update: a row re-created on each refresh would lose a click landing mid-refresh.
  await page
    .getByRole('link', { name: 'Open ticket "First live ticket" at priority 2' })
    .evaluate((link) => ((window as unknown as { firstLink: Element }).firstLink = link));
  const second = (await client.propose({ tool: tool.name, params: { title: 'Second live ticket', priority: 3 } })).body
    .id as string;
  await expect(page.locator(`tr[data-row-id="${second}"]`)).toBeVisible(LIVE);
  await expect(page.locator(`tr[data-row-id="${first}"]`)).toHaveAttribute('aria-selected', 'true');
  expect(
    await page.evaluate(() => (window as unknown as { firstLink: Element }).firstLink.isConnected),
    'the first row kept its link element',
  ).toBe(true);

  // Decided by another process on the same database (this test's worker): the row leaves, the selection moves on.
  const other = await createTestUser(['reviewer'], 'Otto Other');
  await rejectAction(other.actor, { actionId: first, comment: 'not needed' });
  await expect(page.locator(`tr[data-row-id="${first}"]`)).toHaveCount(0, LIVE);
  await expect(page.locator(`tr[data-row-id="${second}"]`)).toHaveAttribute('aria-selected', 'true');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test('filters narrow the queue, in the URL', async ({ page }) => {
  const reviewer = await createTestUser(['reviewer'], 'Fiona Filter');
  const writer = await seedTicketAgent('create');
  const mailer = await seedTicketAgent('external');
  await writer.client.propose({
    tool: writer.tool.name,
    params: { title: 'Cited ticket', priority: 1 },
    sources: [{ title: 'ticket 7' }],
    requester: 'dana@corp.test',
  });
  await writer.client.propose({ tool: writer.tool.name, params: { title: 'Uncited ticket', priority: 1 } });
  await mailer.client.propose({
    tool: mailer.tool.name,
    params: { title: 'Mail the customer', priority: 1 },
    sources: [{ title: 'thread' }],
    requester: reviewer.email,
  });
  await signIn(page, reviewer.email, reviewer.password);
  const rows = page.locator('tr[data-row-id]');

  await page.goto(`/queue?agent=${writer.agent.name}`);
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Risk flag').selectOption('no_sources');
  await expect(page).toHaveURL(/risk=no_sources/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Uncited ticket');
  await page.getByRole('link', { name: 'Clear filters' }).click();

  await page.goto(`/queue?agent=${writer.agent.name}`);
  await page.getByLabel('Requester').fill('DANA@');
  await expect(page).toHaveURL(/requester=DANA%40/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Cited ticket');

  // Requested on my behalf: the mail action does not wait for me.
  await page.goto(`/queue?agent=${mailer.agent.name}`);
  await expect(rows).toHaveCount(1);
  await page.getByLabel(/Waiting for me/).check();
  await expect(page).toHaveURL(/mine=1/);
  await expect(page.getByText('No pending actions match these filters.')).toBeVisible();
  await page.goto(`/queue?level=external&agent=${mailer.agent.name}`);
  await expect(rows).toHaveCount(1);
  await expect(page.getByLabel('Action level')).toHaveValue('external');
});

test('approving a whole trace after a confirmation that lists each action; approving one row with the keyboard', async ({
  page,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Tara Trace');
  const early = await createTestUser(['reviewer'], 'Eli Early');
  const { tool, client } = await seedTicketAgent();
  const traceId = uniqueName('trace');
  const ids: string[] = [];
  for (const title of ['Step one', 'Step two', 'Step three']) {
    ids.push(
      (
        await client.propose({
          tool: tool.name,
          params: { title, priority: 2 },
          traceId,
          sources: [{ title: 'runbook' }],
        })
      ).body.id,
    );
  }
  const single = (
    await client.propose({
      tool: tool.name,
      params: { title: 'On its own', priority: 4 },
      sources: [{ title: 'runbook' }],
    })
  ).body.id as string;
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/queue?tool=${tool.name}`);
  if (SHOTS) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/queue');
    await page.screenshot({ path: `${SHOTS}/queue-full.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/queue-narrow.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/queue?tool=${tool.name}`);
  }

  await page
    .locator(`tr[data-row-id="${ids[0]}"]`)
    .getByRole('button', { name: /in trace/ })
    .click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('listitem')).toHaveCount(3);
  for (const title of ['Step one', 'Step two', 'Step three'])
    await expect(dialog.getByText(`Open ticket "${title}" at priority 2`)).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/queue-trace-dialog.png` });
  expect(
    (await db().action.findMany({ where: { id: { in: ids } }, select: { status: true } })).map((a) => a.status),
  ).toEqual(['pending_review', 'pending_review', 'pending_review']); // nothing decided by opening the dialog
  // While the reviewer reads the list, someone else decides one of them: the dialog says so, live, and leaves it out.
  await rejectAction(early.actor, { actionId: ids[1], comment: 'done by hand' });
  await expect(dialog.locator(`[data-action-id="${ids[1]}"]`)).toContainText(
    `Rejected by ${early.name} just now`,
    LIVE,
  );
  await dialog.getByRole('button', { name: 'Approve all 2 in trace' }).click();

  await expect(dialog.getByRole('heading', { name: 'Decisions' })).toBeVisible();
  await expect(dialog.getByText('Approved', { exact: true })).toHaveCount(2);
  await expect(dialog.locator(`[data-action-id="${ids[1]}"]`)).toContainText(`Rejected by ${early.name} just now`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/queue-trace-results.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('tr[data-row-id]')).toHaveCount(1, LIVE);

  await test.step('a on the selected row opens the confirmation on Cancel; Tab to Approve, then Enter, approves it', async () => {
    await expect(async () => {
      await page.keyboard.press('j');
      await expect(page.locator(`tr[data-row-id="${single}"]`)).toHaveAttribute('aria-selected', 'true', {
        timeout: 500,
      });
    }).toPass();
    await page.keyboard.press('a');
    await expect(page.getByRole('alertdialog').getByRole('heading', { name: 'Approve this action?' })).toBeVisible();
    await expect(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expect(page.getByRole('alertdialog').getByText("Agent's reason:")).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('alertdialog').getByRole('button', { name: 'Approve' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alertdialog').getByText('Approved')).toBeVisible();
    await expect(page.getByRole('alertdialog').getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    const approved = await db().action.findUniqueOrThrow({
      where: { id: single },
      select: { status: true, reviewerId: true },
    });
    expect(approved).toEqual({ status: 'approved', reviewerId: reviewer.id });
  });
});

test("the open queue prefetches nothing while it updates live; a row's page is prefetched when the pointer reaches it", async ({
  page,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Petra Prefetch');
  const { tool, client } = await seedTicketAgent();
  const ids: string[] = [];
  for (const title of ['One', 'Two', 'Three'])
    ids.push((await client.propose({ tool: tool.name, params: { title, priority: 2 } })).body.id);
  await signIn(page, reviewer.email, reviewer.password);
  const prefetched: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) prefetched.push(new URL(request.url()).pathname);
  });
  await page.goto(`/queue?tool=${tool.name}`);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible(LIVE);

  const fourth = (await client.propose({ tool: tool.name, params: { title: 'Four', priority: 2 } })).body.id as string;
  await expect(page.locator(`tr[data-row-id="${fourth}"]`)).toBeVisible(LIVE);
  // Neither a row's action page nor a section of the main menu: each is a dynamic page rendered on the server.
  expect(prefetched, 'nothing prefetched by viewing or refreshing').toEqual([]);

  await page.getByRole('link', { name: 'Open ticket "Two" at priority 2' }).hover();
  // Only that row's page (Next may fetch it in more than one request).
  await expect
    .poll(() => [...new Set(prefetched.filter((path) => path.startsWith('/actions/')))])
    .toEqual([`/actions/${ids[1]}`]);
});

test('on a busy queue a click on a row opens the action while proposals keep arriving', async ({ page }) => {
  const reviewer = await createTestUser(['reviewer'], 'Bea Busy');
  const { tool, client } = await seedTicketAgent();
  const first = (await client.propose({ tool: tool.name, params: { title: 'Open me', priority: 1 } })).body
    .id as string;
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/queue?tool=${tool.name}`);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible(LIVE);

  // A proposal every 50 ms: each is a change the open queue hears about and refreshes for.
  let busy = true;
  const noiseIds: string[] = [];
  const noise = (async () => {
    for (let n = 0; busy; n++) {
      noiseIds.push((await client.propose({ tool: tool.name, params: { title: `Noise ${n}`, priority: 5 } })).body.id);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    await expect(page.getByRole('link', { name: /^Open ticket "Noise \d+" at priority 5$/ }).first()).toBeVisible(LIVE); // the noise is arriving
    await page.getByRole('link', { name: 'Open ticket "Open me" at priority 1' }).click();
    await expect(page).toHaveURL(new RegExp(`/actions/${first}$`));
    await expect(page.getByRole('heading', { name: 'Parameters' })).toBeVisible();
  } finally {
    busy = false;
    await noise;
    // Out of the shared queue again, so the other specs' queues stay short.
    for (let i = 0; i < noiseIds.length; i += 100) {
      await reviewActionBatch(reviewer.actor, {
        actionIds: noiseIds.slice(i, i + 100),
        decision: 'rejected',
        comment: 'noise',
      });
    }
  }
});
