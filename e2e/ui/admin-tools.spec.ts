import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestAgent, createTestAgentKey, createTestUser, grantTestTool, uniqueName } from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';

const INVALID_SCHEMA = '{"type": "object", "properties": {"amount": {"type": "money"}}}';
const VALID_SCHEMA =
  '{"type": "object", "properties": {"orderId": {"type": "string"}, "amount": {"type": "number"}}, "required": ["orderId", "amount"]}';

test('an admin creates a tool (an invalid schema is refused with its reason), then disabling it blocks proposals', async ({
  page,
  baseURL,
}) => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const name = uniqueName('refund').replaceAll('-', '_');
  await signIn(page, admin.email, admin.password);
  await page.goto('/tools');
  await expect(page.getByRole('heading', { name: 'Tools' })).toBeVisible();
  await page.getByRole('link', { name: 'New tool' }).click();

  await test.step("an invalid JSON Schema is refused with the server's message", async () => {
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Description').fill('Refunds an order');
    await page.getByLabel('Action level').selectOption({ label: 'Update' });
    await page.getByLabel('Parameter schema (JSON)').fill(INVALID_SCHEMA);
    await page.getByRole('button', { name: 'Create tool' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The parameter schema is not valid JSON Schema' }),
    ).toBeVisible();
  });

  await test.step('fixed, the tool is created; the summary template previews against an example', async () => {
    await page.getByLabel('Parameter schema (JSON)').fill(VALID_SCHEMA);
    await page.getByLabel('Summary template').fill('Refund {amount} for order {orderId}');
    await expect(page.getByTestId('summary-preview')).toHaveText('Refund 42 for order orderId-example');
    await page.getByLabel('Sensitive fields').fill('orderId');
    await page.getByRole('button', { name: 'Create tool' }).click();
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    await expect(page.getByLabel('Summary template')).toHaveValue('Refund {amount} for order {orderId}');
  });

  const agent = await createTestAgent();
  await grantTestTool(agent, { name }, false);
  const client = agentClient(baseURL!, (await createTestAgentKey(agent)).key);
  expect((await client.propose({ tool: name, params: { orderId: 'A-1', amount: 5 } })).body.status).toBe('approved');

  await test.step('disable, after a confirmation that says it applies to every agent', async () => {
    await page.reload();
    await expect(page.getByRole('region', { name: 'Grants' })).toContainText(agent.name);
    await page.getByRole('button', { name: 'Disable tool' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Disable ${name}?` });
    await expect(dialog).toContainText("Every agent's calls");
    await dialog.getByRole('button', { name: 'Disable tool' }).click();
    await expect(page.getByRole('button', { name: 'Enable tool' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Change history' })).toContainText('Tool disabled');
  });

  const blocked = await client.propose({ tool: name, params: { orderId: 'A-2', amount: 5 } });
  expect(blocked.body.status).toBe('blocked');
  expect(blocked.body.decision.reasons).toContain(`blocked: tool ${name} is disabled`);
});
