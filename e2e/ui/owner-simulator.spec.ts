import { test, expect } from '../fixtures/test';
import { auditEventsOfAgent } from '../fixtures/audit';
import { countActionsOfAgent, REFUND_OVER_LIMIT, seedOwnedRefundAgent } from '../fixtures/owner-factories';
import { signIn } from '../fixtures/sign-in';

test('the simulator shows the outcome and every reason in order, and records nothing', async ({ page }) => {
  const { owner, agent, tool } = await seedOwnedRefundAgent({
    approvals: 0,
    requireReason: true,
    constraints: [{ kind: 'range', param: 'amount', max: 500, effect: 'review' }],
  });
  const auditBefore = (await auditEventsOfAgent(agent.id)).length;
  await signIn(page, owner.email, owner.password);
  await page.goto(`/agents/${agent.id}`);
  const simulator = page.getByRole('region', { name: 'Simulate a call' });
  const result = simulator.getByRole('status', { name: 'Simulation result' });

  await test.step('no reason: blocked, and the review condition is listed after the block', async () => {
    await simulator.getByLabel('Tool').selectOption(tool.name);
    await simulator.getByLabel('Parameters (JSON)').fill(JSON.stringify(REFUND_OVER_LIMIT));
    await simulator.getByRole('button', { name: 'Simulate' }).click();
    await expect(result.getByText('Blocked', { exact: true })).toBeVisible();
    await expect(result.getByRole('listitem')).toHaveText([
      'blocked: grant requires a reason',
      'review: amount 1,200 > 500',
    ]);
  });

  await test.step('with a reason: pending review for the amount', async () => {
    await simulator.getByLabel('Reason').fill('Customer was charged twice');
    await simulator.getByRole('button', { name: 'Simulate' }).click();
    await expect(result.getByText('Pending review', { exact: true })).toBeVisible();
    await expect(result.getByRole('listitem')).toHaveText(['review: amount 1,200 > 500']);
  });

  await test.step('parameters the schema refuses are named', async () => {
    await simulator.getByLabel('Parameters (JSON)').fill('{"orderId": "ORD-1", "amount": "lots"}');
    await simulator.getByRole('button', { name: 'Simulate' }).click();
    await expect(result.getByText('Invalid parameters', { exact: true })).toBeVisible();
    await expect(result).toContainText('params.amount');
  });

  await test.step('JSON that does not parse is caught before sending', async () => {
    await simulator.getByLabel('Parameters (JSON)').fill('{"amount": ');
    await simulator.getByRole('button', { name: 'Simulate' }).click();
    await expect(simulator.getByRole('alert').filter({ hasText: 'Parameters must be valid JSON' })).toBeVisible();
  });

  expect(await countActionsOfAgent(agent.id), 'the simulator creates no action').toBe(0);
  expect((await auditEventsOfAgent(agent.id)).length, 'nor any audit event').toBe(auditBefore);
});
