import { test, expect } from '../fixtures/test';
import { createTestUser, seedAgentWithTool } from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';
import { agentClient } from '../fixtures/agent-client';
import { refund, seedGrantedAgent } from '../fixtures/gate-factories';

// Agent-scoped switches only: a global one would stop the other specs' agents on this shared server.
test('an owner engages a switch on their agent with a reason, and releases it with the password again', async ({
  page,
}, testInfo) => {
  const owner = await createTestUser(['owner'], 'Olga Owner');
  const { agent } = await seedAgentWithTool({ owner });
  await signIn(page, owner.email, owner.password);
  await page.goto('/controls');
  await expect(page.getByRole('heading', { name: 'Controls' })).toBeVisible();

  await test.step('engage: scope, agent, effect and a required reason', async () => {
    await page.getByLabel('Scope', { exact: true }).selectOption({ label: 'One agent' });
    await page.getByLabel('Agent', { exact: true }).selectOption({ label: agent.name });
    await page
      .getByLabel('Effect', { exact: true })
      .selectOption({ label: 'Review all: every proposal goes to review' });
    await page.getByLabel(/^Reason/).fill('Refunds look odd since 14:00');
    await page.getByRole('button', { name: 'Engage switch' }).click();
    await expect(page.getByRole('status')).toHaveText('Switch engaged.');
    const item = page.getByRole('listitem').filter({ hasText: 'Refunds look odd since 14:00' });
    await expect(item).toContainText(`agent ${agent.name}`);
    await expect(item).toContainText('by Olga Owner');
    await page.screenshot({ path: testInfo.outputPath('controls-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath('controls-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step('release: a wrong password is refused, the right one releases', async () => {
    const form = page.getByRole('form', { name: `Release review-all on agent ${agent.name}` });
    await form.getByLabel('Release reason').fill('Checked: the refunds were fine');
    await form.getByLabel('Your password').fill('not-my-password');
    await form.getByRole('button', { name: 'Release switch' }).click();
    await expect(form.getByRole('alert')).toHaveText('The password is not correct.');
    await form.getByLabel('Your password').fill(owner.password);
    await form.getByRole('button', { name: 'Release switch' }).click();
    await expect(page.getByText('Refunds look odd since 14:00')).toHaveCount(0);
  });
});

test('a reviewer is told the Controls page is not for their role', async ({ page }) => {
  const reviewer = await createTestUser(['reviewer']);
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto('/controls');
  await expect(page.getByText('Not available to your role')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Controls' })).toHaveCount(0);
});

test('pausing an agent asks why, and its page shows the reason', async ({ page }, testInfo) => {
  const owner = await createTestUser(['owner'], 'Olga Owner');
  const { agent } = await seedAgentWithTool({ owner });
  await signIn(page, owner.email, owner.password);
  await page.goto(`/agents/${agent.id}`);
  await page.getByLabel('Reason for pausing').fill('Sent three refunds to one customer');
  await page.getByRole('button', { name: 'Pause agent' }).click();
  await expect(page.getByRole('button', { name: 'Resume agent' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Details', exact: true })).toContainText(
    'Paused by Olga Owner: Sent three refunds to one customer',
  );
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('paused-phone.png'), fullPage: true });
});

test('an agent the gate paused for looping is announced on its page, naming the gate', async ({ page, baseURL }) => {
  const {
    agent: agentRow,
    tool,
    key,
  } = await seedGrantedAgent({ loop: { maxRepeats: 1, windowSeconds: 600, pauseAgent: true } });
  const agent = agentClient(baseURL!, key);
  const same = refund(42, 'ORD-LOOP');
  expect((await agent.propose({ tool: tool.name, params: same })).body.status).toBe('approved');
  expect((await agent.propose({ tool: tool.name, params: same })).body.status).toBe('blocked');
  const admin = await createTestUser(['admin'], 'Ada Admin');
  await signIn(page, admin.email, admin.password);
  await page.goto(`/agents/${agentRow.id}`);
  await expect(
    page.getByRole('alert').filter({ hasText: 'The gate paused this agent: loop detected by the gate' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Details', exact: true })).toContainText(
    'Paused by the gate: loop detected by the gate',
  );
});
