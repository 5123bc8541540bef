import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, uniqueName } from '../fixtures/factories';
import { seedRefundPair } from '../fixtures/rollback-factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');

test('an admin requests the rollback of an executed refund; the agent runs it; the original shows it rolled back', async ({
  page,
  baseURL,
}, testInfo) => {
  const { issue, cancel, key } = await seedRefundPair();
  const agent = agentClient(baseURL!, key);
  const proposed = await agent.propose({
    tool: issue.name,
    params: { orderId: 'ORD-1042', amount: 25 },
    reason: 'duplicate charge',
  });
  const original = proposed.body.id as string;
  await agent.claim(original);
  await agent.reportResult(original, { ok: true, output: { refundId: 'RF-77' } });
  const admin = await createTestUser(['admin'], 'Ada Admin');
  await signIn(page, admin.email, admin.password);

  await page.goto(`/actions/${original}`);
  const panel = page.getByRole('region', { name: 'Rollback' });
  await expect(panel).toContainText(cancel.name);
  await panel.getByLabel('Note for the reviewer (optional)').fill('customer kept the goods');
  await page.screenshot({ path: testInfo.outputPath('rollback-request.png'), fullPage: true });
  await panel.getByRole('button', { name: 'Request rollback' }).click();
  await expect(panel).toContainText('is pending review (requested by Ada Admin)');
  await expect(panel.getByRole('button', { name: 'Request rollback' })).toHaveCount(0);

  // The compensation is an ordinary action waiting for review, linked back to the original.
  await panel.getByRole('link', { name: new RegExp(cancel.name) }).click();
  await expect(page.getByRole('region', { name: 'Rollback' })).toContainText('This action rolls back');
  const rollbackId = page.url().split('/').at(-1)!;
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  await approveAction(reviewer.actor, { actionId: rollbackId });

  const claimed = await agent.claim(rollbackId);
  expect(claimed.body).toMatchObject({ rollbackOf: original, params: { refundId: 'RF-77', orderId: 'ORD-1042' } });
  await agent.reportResult(rollbackId, { ok: true, output: { cancelled: true } });

  await page.goto(`/actions/${original}`);
  await expect(page.getByRole('region', { name: 'Rollback' }).getByRole('status')).toContainText(
    `Rolled back by ${cancel.name}`,
  );
  await page.screenshot({ path: testInfo.outputPath('rolled-back-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('rolled-back-phone.png'), fullPage: true });
});

test('the tool form declares a compensating rollback; a missing compensating tool is refused naming the field', async ({
  page,
}, testInfo) => {
  const { cancel } = await seedRefundPair();
  const admin = await createTestUser(['admin'], 'Ada Admin');
  await signIn(page, admin.email, admin.password);
  await page.goto('/tools/new');
  const name = uniqueName('charge').replaceAll('-', '_');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Description').fill('Charges an order');
  await page
    .getByLabel('Parameter schema (JSON)')
    .fill('{"type": "object", "properties": {"orderId": {"type": "string"}}}');
  await page.getByLabel('How its effects are undone').selectOption('compensating');
  await page.getByLabel('Compensating tool').fill('no.such_tool');
  await page
    .getByLabel('Parameter mapping (JSON)')
    .fill('{ "orderId": "$.params.orderId", "refundId": "$.result.chargeId" }');
  await page.getByRole('button', { name: 'Create tool' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'rollbackToolName: no tool named "no.such_tool"' }),
  ).toBeVisible();

  await page.getByLabel('Compensating tool').fill(cancel.name);
  await page.screenshot({ path: testInfo.outputPath('tool-form-rollback.png'), fullPage: true });
  await page.getByRole('button', { name: 'Create tool' }).click();
  // Saved: the tool's own page, its form showing the declaration as stored.
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(page.getByLabel('How its effects are undone')).toHaveValue('compensating');
  await expect(page.getByLabel('Compensating tool')).toHaveValue(cancel.name);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('tool-form-rollback-phone.png'), fullPage: true });
});

test("an admin restores an agent's grants as they were at a time from the agent page", async ({ page }, testInfo) => {
  const { agent } = await seedRefundPair();
  const admin = await createTestUser(['admin'], 'Ada Admin');
  await signIn(page, admin.email, admin.password);
  await page.goto(`/agents/${agent.id}`);
  const section = page.getByRole('region', { name: 'Restore grants' });
  // A minute ago the grants did not exist yet: both are named, nothing is changed.
  const minuteAgo = new Date(Date.now() - 60_000);
  const local = new Date(minuteAgo.getTime() - minuteAgo.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await section.getByLabel('Restore grants as of').fill(local);
  await section.getByRole('button', { name: 'Preview' }).click();
  await expect(section).toContainText('granted after that time');
  await page.screenshot({ path: testInfo.outputPath('restore-grants.png'), fullPage: true });
});
