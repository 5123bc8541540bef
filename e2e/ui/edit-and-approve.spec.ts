import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import {
  createTestAgent,
  createTestAgentKey,
  createTestTool,
  createTestUser,
  grantTestTool,
} from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';

/** A schema that exercises every kind of control the form generator makes. */
const TICKET_TOOL_SCHEMA = {
  type: 'object',
  properties: {
    title: { type: 'string', title: 'Ticket title', description: 'Shown to the customer.', minLength: 1 },
    priority: { type: 'integer', minimum: 1, maximum: 5 },
    severity: { type: 'string', enum: ['low', 'high', 'critical'] },
    assignee: { type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'] },
    notify: { type: 'boolean', description: 'E-mail the customer.' },
    tags: { type: 'array', items: { type: 'string' } },
    body: { type: 'string', maxLength: 5000 },
    link: { type: 'string', format: 'uri' },
    extra: { oneOf: [{ type: 'string' }, { type: 'object' }] },
  },
  required: ['title', 'priority'],
  additionalProperties: false,
};

const PROPOSED = {
  title: 'Refund order 1042',
  priority: 2,
  severity: 'low',
  assignee: { email: 'billing@example.com' },
  notify: false,
  tags: ['refund'],
  body: 'The customer was charged twice.',
  link: 'https://support.example.com/tickets/1042',
  extra: { source: 'chat' },
};

test('a reviewer edits the parameters in a generated form and approves; the agent claims the edited version', async ({
  page,
  baseURL,
}, testInfo) => {
  test.slow(); // four steps through the real console on a shared machine
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const agentRow = await createTestAgent();
  const tool = await createTestTool({ parameters: TICKET_TOOL_SCHEMA });
  await grantTestTool(agentRow, tool, true);
  const agent = agentClient(baseURL!, (await createTestAgentKey(agentRow)).key);
  const proposed = await agent.propose({
    tool: tool.name,
    params: PROPOSED,
    reason: 'The customer was charged twice.',
  });
  expect(proposed.body.status).toBe('pending_review');
  const id: string = proposed.body.id;

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${id}/edit`);

  await test.step('the form is generated from the schema and prefilled with the proposed params', async () => {
    await expect(page.getByRole('heading', { name: 'Edit and approve' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Proposed action' })).toBeVisible();
    await expect(page.getByText(tool.name, { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Cancel' })).toHaveAttribute('href', `/actions/${id}`);
    await expect(page.getByLabel('Ticket title')).toHaveValue(PROPOSED.title);
    await expect(page.getByText('Shown to the customer.')).toBeVisible();
    await expect(page.getByRole('spinbutton', { name: 'priority' })).toHaveValue('2');
    await expect(page.getByRole('combobox', { name: 'severity' })).toHaveValue('low');
    await expect(page.getByRole('group', { name: 'assignee' }).getByLabel('email')).toHaveValue('billing@example.com');
    await expect(page.getByRole('checkbox', { name: 'notify' })).not.toBeChecked();
    await expect(page.getByRole('textbox', { name: 'tags item 1' })).toHaveValue('refund');
    await expect(page.getByRole('textbox', { name: 'body' })).toHaveValue(PROPOSED.body);
    await expect(page.getByRole('textbox', { name: 'extra' })).toHaveValue(JSON.stringify(PROPOSED.extra, null, 2));
    await page.screenshot({ path: testInfo.outputPath('edit-form.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath('edit-form-mobile.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step("the server's refusal is shown next to the field it names, and nothing is approved", async () => {
    await page.getByRole('spinbutton', { name: 'priority' }).fill('9');
    await page.getByRole('button', { name: 'Approve with these parameters' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'not valid for this tool' })).toBeVisible();
    await expect(page.locator('[data-field$="-priority"]')).toContainText('must be <= 5');
    await expect(page.getByRole('spinbutton', { name: 'priority' })).toHaveAttribute('aria-invalid', 'true');
    await page.screenshot({ path: testInfo.outputPath('edit-form-error.png'), fullPage: true });
    expect((await agent.getAction(id)).body).toMatchObject({ status: 'pending_review', paramsVersion: 1 });
  });

  await test.step('the reviewer changes fields and approves; the console goes back to the action', async () => {
    await page.getByLabel('Ticket title').fill('Refund order 1042 (half)');
    await page.getByRole('spinbutton', { name: 'priority' }).fill('4');
    await page.getByRole('combobox', { name: 'severity' }).selectOption('high');
    await page.getByRole('checkbox', { name: 'notify' }).check();
    await page.getByRole('button', { name: 'Add tags item' }).click();
    await page.getByRole('textbox', { name: 'tags item 2' }).fill('billing');
    const extra = page.getByRole('textbox', { name: 'extra' });
    await extra.fill('{ "source": ');
    await expect(page.locator('[data-field$="-extra"]')).toContainText('not valid JSON');
    await expect(page.getByRole('button', { name: 'Approve with these parameters' })).toBeDisabled();
    await extra.fill('{ "source": "phone" }');
    await expect(page.getByRole('button', { name: 'Approve with these parameters' })).toBeEnabled();
    await page.getByLabel('Comment').fill('Only half was charged twice.');
    await page.getByRole('button', { name: 'Approve with these parameters' }).click();
    await expect(page).toHaveURL(new RegExp(`/actions/${id}$`));
    const trail = page.getByRole('region', { name: 'Audit trail' });
    await expect(trail.getByText('Parameters edited by reviewer')).toBeVisible();
    await expect(trail.getByText(/priority: 2 → 4; severity: "low" → "high"/)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('action-after-edit.png'), fullPage: true });
  });

  await test.step("the agent's claim returns the edited params", async () => {
    const { body: decided } = await agent.waitForDecision(id, 10);
    expect(decided).toMatchObject({ status: 'approved', edited: true, paramsVersion: 2 });
    const claimed = await agent.request(
      'POST',
      `/api/v1/actions/${id}/claim`,
      JSON.stringify({ paramsHash: decided.paramsHash }),
      { 'content-type': 'application/json' },
    );
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect(claimed.body.params).toEqual({
      ...PROPOSED,
      title: 'Refund order 1042 (half)',
      priority: 4,
      severity: 'high',
      notify: true,
      tags: ['refund', 'billing'],
      extra: { source: 'phone' },
    });
    expect(claimed.body.originalParams).toEqual(PROPOSED);
  });
});

test('cancel goes back to the action; a decided action cannot be edited', async ({ page, baseURL }, testInfo) => {
  test.slow(); // sign-in and two page loads on a shared machine
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const agentRow = await createTestAgent();
  const tool = await createTestTool({ parameters: TICKET_TOOL_SCHEMA });
  await grantTestTool(agentRow, tool, false);
  const agent = agentClient(baseURL!, (await createTestAgentKey(agentRow)).key);
  const id: string = (await agent.propose({ tool: tool.name, params: { title: 'x', priority: 1 } })).body.id;

  await signIn(page, reviewer.email, reviewer.password);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/actions/${id}/edit`);
  await expect(page.getByText('This action is approved: it can no longer be edited.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve with these parameters' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('edit-decided-mobile.png'), fullPage: true });
  await page.getByRole('link', { name: 'Back to the action' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/actions/${id}$`));
});
