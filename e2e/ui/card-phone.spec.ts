import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, seedAgentWithTool, VALID_TICKET } from '../fixtures/factories';
import { stayOnCardAfterDeciding } from '../fixtures/review-card';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

// On a phone the decision panel is screens below the card: a bar at the bottom of the screen keeps Approve and
// Reject in reach, with the panel's flows, and the page is padded so the bar covers none of it.

const PROPOSAL = {
  params: VALID_TICKET,
  reason: 'The customer was charged twice for order 1042; the refund ticket lets billing reverse it.',
  sources: [
    {
      title: 'Support ticket 1042',
      url: 'https://support.example.com/tickets/1042',
      excerpt: 'I was charged twice for one order.',
    },
  ],
};

test('at 390×844 the sticky bar approves through the confirmation and rejects through the comment box', async ({
  page,
  baseURL,
}, testInfo) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const { tool, key } = await seedAgentWithTool({ actionLevel: 'update' });
  const agent = agentClient(baseURL!, key);
  const toApprove: string = (await agent.propose({ tool: tool.name, ...PROPOSAL })).body.id;
  const toReject: string = (
    await agent.propose({ tool: tool.name, ...PROPOSAL, params: { ...VALID_TICKET, priority: 5 } })
  ).body.id;
  await stayOnCardAfterDeciding(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${toApprove}`);
  const bar = page.getByRole('region', { name: 'Decide on this action' });

  await test.step('the bar is on screen without scrolling, and covers none of the page at the bottom', async () => {
    await expect(bar.getByRole('button', { name: 'Approve…' })).toBeInViewport({ ratio: 1 });
    await expect(bar.getByRole('button', { name: 'Reject…' })).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: testInfo.outputPath('card-phone.png') });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const trail = page.getByRole('region', { name: 'Audit trail' });
    const [trailBox, barBox] = [await trail.boundingBox(), await bar.boundingBox()];
    expect(trailBox!.y + trailBox!.height).toBeLessThanOrEqual(barBox!.y);
    await page.screenshot({ path: testInfo.outputPath('card-phone-bottom.png') });
  });

  await test.step('Approve… in the bar asks first, then approves', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await bar.getByRole('button', { name: 'Approve…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Approve and release this action?' });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath('card-phone-confirm.png') });
    await dialog.getByRole('button', { name: 'Approve and release' }).click();
    await expect(page.getByText(`Approved by ${reviewer.name}`)).toBeVisible();
    await expect(bar).toHaveCount(0); // nothing left to decide
    expect((await db().action.findUniqueOrThrow({ where: { id: toApprove } })).status).toBe('approved');
  });

  await test.step('Reject… in the bar jumps to the comment box; Enter there rejects', async () => {
    await page.goto(`/actions/${toReject}`);
    await bar.getByRole('button', { name: 'Reject…' }).click();
    await expect(page.getByLabel('Comment')).toBeFocused();
    await expect(page.getByLabel('Comment')).toBeInViewport();
    await expect(page.getByRole('status').filter({ hasText: 'Rejecting' })).toBeVisible();
    await page.keyboard.type('Already refunded');
    await page.keyboard.press('Enter');
    await expect(page.getByText(`Rejected by ${reviewer.name}`)).toBeVisible();
    expect((await db().action.findUniqueOrThrow({ where: { id: toReject } })).decisionReason).toBe('Already refunded');
  });
});

test('no bar for a viewer who cannot decide, nor on a desktop', async ({ page, baseURL }, testInfo) => {
  const [viewer, reviewer] = await Promise.all([
    createTestUser(['viewer'], 'Vic Viewer'),
    createTestUser(['reviewer'], 'Rita Reviewer'),
  ]);
  const { tool, key } = await seedAgentWithTool();
  const id: string = (await agentClient(baseURL!, key).propose({ tool: tool.name, ...PROPOSAL })).body.id;

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, viewer.email, viewer.password);
  await page.goto(`/actions/${id}`);
  await expect(page.getByText('Waiting for a reviewer. Your role cannot approve or reject actions.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Decide on this action' })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, reviewer.email, reviewer.password);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/actions/${id}`);
  await expect(page.getByRole('region', { name: 'Decision' }).getByRole('button', { name: 'Approve…' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Decide on this action' })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('card-desktop.png') });
});
