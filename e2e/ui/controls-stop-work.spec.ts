import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, SETUP, seedAgentWithTool } from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { engageSwitch } = appModule<typeof import('@/lib/kill-switches/engage-switch')>(
  '@/lib/kill-switches/engage-switch',
);
const { releaseSwitch } = appModule<typeof import('@/lib/kill-switches/release-switch')>(
  '@/lib/kill-switches/release-switch',
);

// What a stop holds, as the admin reads it (issue 13 §1). An agent-scoped block only: a global one would stop the
// other specs' agents on this shared server.
test('Controls lists what a block holds and has refused; the queue and the card say "frozen by the stop"', async ({
  page,
  baseURL,
}, testInfo) => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const reviewer = await createTestUser(['reviewer']);
  const { agent, key, tool } = await seedAgentWithTool({ approvalRequired: true, actionLevel: 'update' });
  const client = agentClient(baseURL!, key);
  const waiting = await proposeTicket(client, tool, 'pending_review');
  const approved = await proposeTicket(client, tool, 'pending_review');
  const executing = await proposeTicket(client, tool, 'pending_review');
  for (const id of [approved, executing]) await approveAction(reviewer.actor, { actionId: id });
  expect((await client.claim(executing)).status).toBe(200);
  const { id } = await engageSwitch(SETUP, {
    scope: 'agent',
    agent: agent.id,
    effect: 'block',
    reason: 'Refunds to one card',
  });
  expect((await client.claim(approved)).status).toBe(409);

  await signIn(page, admin.email, admin.password);
  await page.goto('/controls');
  const item = page.getByRole('listitem').filter({ hasText: 'Refunds to one card' });
  await expect(item.getByTestId(`refused-since-${id}`)).toHaveText(
    'Refused since: 1 (0 proposals, 1 claim, 0 approvals)',
  );
  await expect(item.getByRole('region', { name: 'Waiting (frozen)' })).toContainText('Waiting (frozen): 1');
  await expect(item.getByRole('region', { name: 'Approved, not claimed' })).toContainText('Approved, not claimed: 0');
  await expect(item.getByRole('region', { name: 'In flight at the stop' })).toContainText('In flight at the stop: 1');
  await expect(
    item.getByRole('region', { name: 'Waiting (frozen)' }).getByRole('link', { name: tool.name }),
  ).toHaveAttribute('href', `/actions/${waiting}`);
  await expect(
    item.getByRole('region', { name: 'In flight at the stop' }).getByRole('link', { name: tool.name }),
  ).toHaveAttribute('href', `/actions/${executing}`);
  const table = page.getByRole('table').filter({ hasText: 'While a switch is engaged' });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row', { name: /Waiting for review/ })).toContainText('Frozen under a block');
  await page.screenshot({ path: testInfo.outputPath('controls-holdings-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('controls-holdings-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto(`/queue?agent=${encodeURIComponent(agent.name)}`);
  await expect(page.getByRole('row').filter({ hasText: tool.name }).first()).toContainText('frozen by the stop');
  await page.screenshot({ path: testInfo.outputPath('queue-frozen.png'), fullPage: true });

  await page.goto(`/actions/${waiting}`);
  const frozen = page.getByRole('region', { name: 'Frozen by the stop' });
  await expect(frozen).toContainText(`switch ${id} (block on agent ${agent.id}): Refunds to one card`);
  await page.screenshot({ path: testInfo.outputPath('card-frozen.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('card-frozen-phone.png'), fullPage: true });
  await page.goto(`/actions/${executing}`);
  await expect(page.getByRole('region', { name: 'In flight at the stop' })).toContainText('Refunds to one card');

  await releaseSwitch(SETUP, { id, reason: 'done' });
});
