import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, SETUP, uniqueName } from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { createAgent } = appModule<typeof import('@/lib/agents/create-agent')>('@/lib/agents/create-agent');
const { createAgentKey } = appModule<typeof import('@/lib/agents/create-agent-key')>('@/lib/agents/create-agent-key');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');
const { createTool } = appModule<typeof import('@/lib/tools/create-tool')>('@/lib/tools/create-tool');

// Issue 13 (§3): "what did agent X do 14:00–15:00 yesterday?" answered on the Audit page in the reader's own time
// zone: filters, a total, the action named by its summary and the end of its id, refused parameters with their message.
const ZONE = 'America/New_York';

/** "2026-11-25 09:02" as a browser in ZONE shows it, and as its datetime-local input takes it ("2026-11-25T09:02"). */
function inZone(date: Date) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  const day = `${get('year')}-${get('month')}-${get('day')}`;
  return {
    shown: `${day} ${get('hour')}:${get('minute')}:${get('second')}`,
    input: `${day}T${get('hour')}:${get('minute')}`,
  };
}

test("a reviewer in New York finds one agent's proposal by filters, in local time with UTC on hover, and reads a refusal", async ({
  browser,
  baseURL,
}) => {
  const owner = await createTestUser(['owner'], 'Audit Owner');
  const reviewer = await createTestUser(['reviewer'], 'Audit Reviewer');
  const agent = await createAgent(SETUP, {
    name: uniqueName('audited'),
    purpose: 'audit log spec',
    ownerId: owner.id,
    mode: 'live',
  });
  const tool = await createTool(SETUP, {
    name: uniqueName('refund').replaceAll('-', '_'),
    description: 'refunds an order (audit log spec)',
    actionLevel: 'external',
    parameters: {
      type: 'object',
      properties: { orderId: { type: 'string' }, amount: { type: 'number' } },
      required: ['orderId', 'amount'],
    },
    summaryTemplate: 'Refund {amount} EUR on order {orderId}',
  });
  await grantTool(SETUP, { agent: { id: agent.id }, tool: tool.name, rules: { approvals: 1, constraints: [] } });
  const { key } = await createAgentKey(SETUP, { id: agent.id });
  const client = agentClient(baseURL!, key);
  const proposed = await client.propose({ tool: tool.name, params: { orderId: 'ORD-77', amount: 129.9 } });
  expect(proposed.body.status).toBe('pending_review');
  const id = proposed.body.id as string;
  const refused = await client.propose({ tool: tool.name, params: { orderId: 'ORD-78', amount: 'lots' } });
  expect(refused.status).toBe(422);
  const event = await db().auditEvent.findFirstOrThrow({ where: { actionId: id, type: 'action.proposed' } });

  const context = await browser.newContext({ baseURL, timezoneId: ZONE });
  const page = await context.newPage();
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto('/audit');

  await test.step('filter by agent, event type and a one-minute window typed in New York time', async () => {
    const local = inZone(event.at);
    await expect(page.getByText(`your time zone, ${ZONE}`)).toBeVisible();
    await page.getByLabel('Agent', { exact: true }).selectOption({ label: agent.name });
    await page.getByLabel('Event type', { exact: true }).selectOption({ label: 'Proposed by agent' });
    await page.getByLabel('From', { exact: true }).fill(local.input);
    await page.getByLabel('To', { exact: true }).fill(local.input);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^1 event$/ })).toBeVisible();

    const row = page.getByRole('row').filter({ hasText: 'Proposed by agent' });
    await expect(row.getByRole('link', { name: 'Refund 129.9 EUR on order ORD-77' })).toHaveAttribute(
      'href',
      `/actions/${id}`,
    );
    await expect(row.getByText(`…${id.slice(-8)}`)).toBeVisible();
    await expect(row.getByRole('button', { name: `Copy id ${id}` })).toBeVisible();
    const time = row.locator('time');
    await expect(time).toHaveText(new RegExp(`^${local.shown} E[SD]T$`));
    await expect(time).toHaveAttribute(
      'title',
      `${event.at.toISOString().slice(0, 10)} ${event.at.toISOString().slice(11, 19)} UTC`,
    );
    await page.screenshot({ path: test.info().outputPath('audit-log-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole('status').filter({ hasText: /^1 event$/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('audit-log-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('the end of the id finds the action; a window an hour later finds nothing', async () => {
    const later = inZone(new Date(event.at.getTime() + 3_600_000));
    await page.goto(`/audit?action=${id.slice(-8)}`);
    await expect(page.getByRole('status').filter({ hasText: /^2 events$/ })).toBeVisible();
    await page.getByLabel('From', { exact: true }).fill(later.input);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^0 events$/ })).toBeVisible();
  });

  await test.step('a refused proposal shows what was wrong with its parameters', async () => {
    await page.goto(`/audit?agent=${agent.id}&type=action.params_invalid`);
    await expect(page.getByRole('status').filter({ hasText: /^1 event$/ })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: 'Rejected: invalid parameters' });
    await expect(row).toContainText('amount: must be number');
    await expect(row).not.toContainText('(absent)');
  });
  await context.close();
});
