import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, seedAgentWithTool, VALID_TICKET } from '../fixtures/factories';
import { stayOnCardAfterDeciding } from '../fixtures/review-card';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

// No one-keystroke release of an action that changes the world: above read/draft, Approve (button or "a") asks
// first, restating what is at stake; Cancel has the focus, Esc cancels. Reads and drafts keep one-step approval.

const status = (id: string) =>
  db()
    .action.findUniqueOrThrow({ where: { id }, select: { status: true } })
    .then((row) => row.status);

test('approving a create-level action takes a confirmation that restates the risk, tool, reason and requester', async ({
  page,
  baseURL,
}, testInfo) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const { tool, key } = await seedAgentWithTool({ actionLevel: 'create' });
  const proposed = await agentClient(baseURL!, key).propose({
    tool: tool.name,
    params: VALID_TICKET,
    reason: 'The customer asked for a refund ticket.',
    requester: 'ann@example.com',
  });
  const id: string = proposed.body.id;
  await stayOnCardAfterDeciding(page);
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${id}`);
  const panel = page.getByRole('region', { name: 'Decision' });
  const approve = panel.getByRole('button', { name: 'Approve…' });
  await expect(approve).toBeEnabled();
  const dialog = page.getByRole('alertdialog', { name: 'Approve and release this action?' });

  await test.step('focus does not start on Approve', async () => {
    await expect(approve).not.toBeFocused();
  });

  await test.step('"a" opens the confirmation, focus on Cancel; Esc cancels and nothing is approved', async () => {
    await page.keyboard.press('a');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    // The flags as the card's risk panel shows them (a write citing no sources, for an unverified requester).
    const labels = await page.getByTestId('risk-flags').locator('li > span:first-child').allInnerTexts();
    expect(labels.length).toBeGreaterThan(0);
    await expect(dialog.getByTestId('confirm-risks')).toContainText(
      `${labels.length} risk ${labels.length === 1 ? 'flag' : 'flags'}`,
    );
    for (const label of labels) await expect(dialog.getByTestId('confirm-risks')).toContainText(label);
    await expect(dialog).toContainText(tool.name);
    await expect(dialog).toContainText('The customer asked for a refund ticket.');
    await expect(dialog).toContainText('ann@example.com (as stated by the agent)');
    await page.screenshot({ path: testInfo.outputPath('confirm-dialog.png') });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/actions/${id}$`)); // Esc closed the dialog, it did not leave the card
    expect(await status(id)).toBe('pending_review');
  });

  await test.step('Enter on the focused Cancel approves nothing either', async () => {
    await approve.click();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    expect(await status(id)).toBe('pending_review');
  });

  await test.step('the button opens the same confirmation; "Approve and release" approves, with the comment', async () => {
    await page.getByLabel('Comment').fill('Checked the order.');
    await approve.click();
    await dialog.getByRole('button', { name: 'Approve and release' }).click();
    await expect(panel.getByText(`Approved by ${reviewer.name}`)).toBeVisible();
    const row = await db().action.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.decisionReason]).toEqual(['approved', 'Checked the order.']);
  });
});

test('a read-level action is approved with one keystroke; r, a comment and Enter still reject', async ({
  page,
  baseURL,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const { tool, key } = await seedAgentWithTool({ actionLevel: 'read' });
  const agent = agentClient(baseURL!, key);
  const readId: string = (await agent.propose({ tool: tool.name, params: VALID_TICKET })).body.id;
  const rejectId: string = (await agent.propose({ tool: tool.name, params: { ...VALID_TICKET, priority: 3 } })).body.id;
  await stayOnCardAfterDeciding(page);
  await signIn(page, reviewer.email, reviewer.password);

  await page.goto(`/actions/${readId}`);
  await expect(
    page.getByRole('region', { name: 'Decision' }).getByRole('button', { name: 'Approve', exact: true }),
  ).toBeEnabled();
  await page.keyboard.press('a');
  await expect(page.getByText(`Approved by ${reviewer.name}`)).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  expect(await status(readId)).toBe('approved');

  await page.goto(`/actions/${rejectId}`);
  await expect(page.getByRole('button', { name: 'Reject' })).toBeEnabled();
  await page.keyboard.press('r');
  await expect(page.getByLabel('Comment')).toBeFocused();
  await page.keyboard.type('Not needed');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Rejected by ${reviewer.name}`)).toBeVisible();
  expect(await status(rejectId)).toBe('rejected');
});
