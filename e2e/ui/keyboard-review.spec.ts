import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, seedAgentWithTool, VALID_TICKET } from '../fixtures/factories';
import { stayOnCardAfterDeciding } from '../fixtures/review-card';
import { signIn } from '../fixtures/sign-in';

test('a reviewer selects, opens and approves an action with the keyboard alone', async ({ page, baseURL }) => {
  const reviewer = await createTestUser(['reviewer'], 'Kim Keyboard');
  const { tool, key } = await seedAgentWithTool({ approvalRequired: true });
  const agent = agentClient(baseURL!, key);
  const older = (await agent.propose({ tool: tool.name, params: { ...VALID_TICKET, title: 'Older ticket' } })).body;
  const newer = (await agent.propose({ tool: tool.name, params: { ...VALID_TICKET, title: 'Newer ticket' } })).body;
  expect([older.status, newer.status]).toEqual(['pending_review', 'pending_review']);

  await stayOnCardAfterDeciding(page);
  await signIn(page, reviewer.email, reviewer.password);
  // Only this test's tool, so other specs' pending actions cannot shift the rows.
  await page.goto(`/queue?tool=${tool.name}`);
  await expect(page.getByText('Keyboard:')).toBeVisible();
  const row = (id: string) => page.locator(`tr[data-row-id="${id}"]`);

  const selectWith = (key: string, id: string) =>
    expect(async () => {
      await page.keyboard.press(key);
      await expect(row(id)).toHaveAttribute('aria-selected', 'true', { timeout: 500 });
    }).toPass();

  await test.step('j selects the first (newest) row, j the next, k back', async () => {
    await expect(page.locator('tr[aria-selected="true"]')).toHaveCount(0);
    await selectWith('j', newer.id);
    await page.keyboard.press('j');
    await expect(row(older.id)).toHaveAttribute('aria-selected', 'true');
    await expect(row(newer.id)).toHaveAttribute('aria-selected', 'false');
    await page.keyboard.press('j'); // stays on the last row
    await expect(row(older.id)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('k');
    await expect(row(newer.id)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(row(older.id)).toHaveAttribute('aria-selected', 'true');
  });

  await test.step('modified keys are not shortcuts', async () => {
    await page.keyboard.press('Shift+K');
    await page.keyboard.press('Control+o');
    await expect(row(older.id)).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/\/queue/);
  });

  await test.step('o opens the selected action; u goes back; Enter opens it again', async () => {
    await page.keyboard.press('o');
    await expect(page).toHaveURL(new RegExp(`/actions/${older.id}$`));
    await expect(page.getByRole('heading', { name: 'Parameters' })).toBeVisible();
    await page.keyboard.press('u');
    await expect(page).toHaveURL(/\/queue$/);
    await page.goto(`/queue?tool=${tool.name}`);
    await selectWith('j', newer.id); // retried: the first press may come before the page has hydrated
    await page.keyboard.press('j');
    await expect(row(older.id)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/actions/${older.id}$`));
  });

  await test.step('typing in the comment box does not trigger shortcuts', async () => {
    await page.getByLabel('Comment').fill('');
    await page.getByLabel('Comment').pressSequentially('a rush job');
    await expect(page.getByLabel('Comment')).toHaveValue('a rush job');
    await expect(page.getByRole('button', { name: 'Approve' })).toBeEnabled();
    expect((await agent.getAction(older.id)).body.status).toBe('pending_review');
    await page.getByLabel('Comment').blur();
  });

  await test.step('r only focuses the comment box; Esc cancels without rejecting', async () => {
    await page.keyboard.press('r');
    await expect(page.getByLabel('Comment')).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Rejecting' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('Comment')).not.toBeFocused();
    await expect(page.getByLabel('Comment')).toHaveValue('a rush job'); // no stray "r" typed
    expect((await agent.getAction(older.id)).body.status).toBe('pending_review');
  });

  await test.step('a approves through the confirmation (focus on Cancel, Tab to confirm), with the comment typed', async () => {
    await page.keyboard.press('a');
    await expect(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Approve and release' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText(`Approved by ${reviewer.name}`)).toBeVisible();
    const decided = await agent.getAction(older.id);
    expect(decided.body).toMatchObject({
      status: 'approved',
      decision: { decidedBy: reviewer.name, reason: 'a rush job' },
    });
    expect((await agent.getAction(newer.id)).body.status).toBe('pending_review');
  });
});
