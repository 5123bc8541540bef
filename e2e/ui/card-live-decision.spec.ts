import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, seedAgentWithTool, VALID_TICKET, type TestUser } from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

// A card left open while someone else decides (another reviewer, the deadline): the controls give way to who
// decided, without a reload. The other decisions here are made by the test process, i.e. outside the server's
// process, as another app instance would.

async function openCard(page: Page, reviewer: TestUser, id: string) {
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${id}`);
  await expect(page.getByRole('region', { name: 'Decision' }).getByRole('button', { name: /^Approve/ })).toBeEnabled();
  // A mark that a reload would wipe: the update must arrive in this same document.
  await page.evaluate(() => ((window as unknown as { cardMark: number }).cardMark = 1));
}

const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { cardMark?: number }).cardMark === 1);

test("another reviewer's approval replaces the open card's controls with 'Approved by … just now'", async ({
  page,
  baseURL,
}, testInfo) => {
  const [rita, rob] = await Promise.all([
    createTestUser(['reviewer'], 'Rita Reviewer'),
    createTestUser(['reviewer'], 'Rob Reviewer'),
  ]);
  const { tool, key } = await seedAgentWithTool();
  const id: string = (await agentClient(baseURL!, key).propose({ tool: tool.name, params: VALID_TICKET })).body.id;
  await openCard(page, rita, id);

  await approveAction(rob.actor, { actionId: id });
  const panel = page.getByRole('region', { name: 'Decision' });
  await expect(panel.getByTestId('decided-elsewhere')).toContainText(`Approved by ${rob.name} just now.`);
  await expect(panel.getByRole('button', { name: /Approve|Reject/ })).toHaveCount(0);
  await page.keyboard.press('a');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(panel.getByText(`Approved by ${rob.name}`, { exact: true })).toBeVisible(); // the refreshed outcome
  expect(await sameDocument(page)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('decided-elsewhere.png') });
});

test("a rejection and an expiry elsewhere show as 'Rejected by …' and 'Expired'", async ({ browser, baseURL }) => {
  const [rita, rob] = await Promise.all([
    createTestUser(['reviewer'], 'Rita Reviewer'),
    createTestUser(['reviewer'], 'Rob Reviewer'),
  ]);
  const { tool, key } = await seedAgentWithTool();
  const agent = agentClient(baseURL!, key);
  const rejected: string = (await agent.propose({ tool: tool.name, params: VALID_TICKET })).body.id;
  const expiring: string = (await agent.propose({ tool: tool.name, params: { ...VALID_TICKET, priority: 3 } })).body.id;
  const [first, second] = await Promise.all([0, 1].map(async () => (await browser.newContext({ baseURL })).newPage()));
  await openCard(first, rita, rejected);
  await openCard(second, rita, expiring);

  await rejectAction(rob.actor, { actionId: rejected, comment: 'duplicate' });
  await expect(first.getByTestId('decided-elsewhere')).toContainText(`Rejected by ${rob.name} just now.`);
  await expect(
    first.getByRole('region', { name: 'Decision' }).getByRole('button', { name: /Approve|Reject/ }),
  ).toHaveCount(0);
  expect(await sameDocument(first)).toBe(true);

  // The deadline passes: the agent reads it expired at once (nothing written); the job commits it within its interval.
  await db().action.update({ where: { id: expiring }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect((await agent.getAction(expiring)).body.status).toBe('expired');
  await expect(second.getByTestId('decided-elsewhere')).toContainText('Expired just now');
  await expect(
    second.getByRole('region', { name: 'Decision' }).getByRole('button', { name: /Approve|Reject/ }),
  ).toHaveCount(0);
  expect(await sameDocument(second)).toBe(true);
  await Promise.all([first, second].map((page) => page.context().close()));
});
