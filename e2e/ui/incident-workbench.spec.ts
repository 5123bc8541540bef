import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, uniqueName } from '../fixtures/factories';
import { openIncident, seedReviewedRefundPair } from '../fixtures/incident-workbench-factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

// Times are shown in the viewer's zone (UTC on hover): a zone far from UTC shows it.
test.use({ timezoneId: 'America/New_York' });

test('the workbench: a whole approved and executed trace, marks with a note, a rollback request, a replay that changes an outcome', async ({
  page,
  baseURL,
}, testInfo) => {
  const { agent, issue, cancel, key } = await seedReviewedRefundPair();
  const client = agentClient(baseURL!, key);
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const admin = await createTestUser(['admin'], 'Ada Admin');

  // A refund a person approved, that the agent then ran; and a small one still waiting.
  const big = (
    await client.propose({ tool: issue.name, params: { orderId: 'ORD-1042', amount: 25 }, reason: 'duplicate charge' })
  ).body.id as string;
  await approveAction(reviewer.actor, { actionId: big });
  expect((await client.claim(big)).status).toBe(200);
  expect(
    (await client.reportResult(big, { ok: true, output: { refundId: 'RF-77' }, downstreamRef: 'RF-77' })).status,
  ).toBe(200);
  const small = (
    await client.propose({ tool: issue.name, params: { orderId: 'ORD-7', amount: 5 }, reason: 'goodwill' })
  ).body.id as string;
  const incident = await openIncident()(admin.actor, {
    title: uniqueName('Refunds to odd accounts'),
    agents: [agent.name],
    windowStart: new Date(Date.now() - 3600_000).toISOString(),
  });
  const base = `/incidents/${incident.id}`;
  const shot = async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}-desktop.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath(`${name}-phone.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  };
  await signIn(page, admin.email, admin.password);

  await test.step("timeline: the approved and executed refund's whole trace, each row linking to the action", async () => {
    await page.goto(`${base}/timeline`);
    const trace = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: issue.name }) })
      .filter({ hasText: 'Reported success' });
    await expect(trace).toHaveCount(1);
    for (const text of [
      'Proposed by agent',
      'Gate decided',
      'Approved by reviewer',
      'by Rita Reviewer',
      'Claimed for execution',
      'Reported success',
      'RF-77',
    ]) {
      await expect(trace).toContainText(text);
    }
    await expect(trace.getByText(/after \d+ s/)).toBeVisible();
    // In the viewer's zone, with UTC on hover.
    await expect(trace.locator('time').first()).toContainText(/E[SD]T/);
    await expect(trace.locator('time').first()).toHaveAttribute('title', /UTC$/);
    await expect(trace.getByRole('link', { name: issue.name })).toHaveAttribute('href', `/actions/${big}`);
    // Each event row links to its action too.
    await expect(trace.getByRole('link', { name: `Reported success, action ${big.slice(-12)}` })).toHaveAttribute(
      'href',
      `/actions/${big}`,
    );
    await shot('incident-timeline');

    await page.getByLabel('Events').selectOption({ label: 'Decisions' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/category=decisions/);
    await expect(page.getByText('Approved by reviewer')).toBeVisible();
    await expect(page.getByText('Claimed for execution')).toHaveCount(0);
  });

  await test.step('overview: mark both refunds "verified fine" with a note', async () => {
    await page.goto(base);
    await expect(page.getByRole('heading', { name: /2 actions in the window · 1 executed/ })).toBeVisible();
    const actions = page.getByRole('region', { name: 'Actions' });
    await actions.getByRole('checkbox', { name: `Select ${issue.name} ${big.slice(-8)}` }).check();
    await actions.getByRole('checkbox', { name: `Select ${issue.name} ${small.slice(-8)}` }).check();
    await expect(actions.getByText('2 selected.')).toBeVisible();
    await actions.getByLabel('Mark').selectOption({ label: 'Verified fine' });
    await actions.getByLabel('Note').fill('customer confirmed both by phone');
    await shot('incident-overview-selection');
    await actions.getByRole('button', { name: 'Mark selected' }).click();
    await expect(actions.getByRole('status')).toContainText('Marked 2 actions "Verified fine".');
    const bigRow = actions
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: issue.name }) })
      .filter({ hasText: big.slice(-12) });
    await expect(bigRow).toContainText('Verified fine');
    await expect(bigRow).toContainText('customer confirmed both by phone');
    await expect(bigRow).toContainText(`Available: ${cancel.name}`);
  });

  await test.step('overview: request the rollback of the executed refund through its compensating tool', async () => {
    const actions = page.getByRole('region', { name: 'Actions' });
    await actions.getByRole('checkbox', { name: `Select ${issue.name} ${big.slice(-8)}` }).check();
    await actions.getByRole('button', { name: 'Request rollback (1)' }).click();
    await expect(actions.getByRole('status')).toContainText('Rollback requested for 1 of 1.');
    await expect(actions.getByRole('status').getByRole('link', { name: 'compensation pending review' })).toBeVisible();
    const bigRow = actions
      .getByRole('row')
      .filter({ hasText: big.slice(-12) })
      .filter({ hasText: 'Verified fine' });
    await expect(bigRow).toContainText('Rollback in progress');
    const compensation = await db().action.findFirstOrThrow({ where: { rollbackOfId: big } });
    expect(compensation).toMatchObject({
      toolName: cancel.name,
      status: 'pending_review',
      params: JSON.stringify({ refundId: 'RF-77', orderId: 'ORD-1042' }),
    });
    await shot('incident-overview');
  });

  await test.step('replay: a range condition on the amount would have blocked the refund a person approved', async () => {
    await page.goto(`${base}/replay`);
    await expect(page.getByText('Choose a grant to edit.')).toBeVisible();
    await page.getByRole('link', { name: new RegExp(`${issue.name}.*2 in window`) }).click();
    await expect(page.getByRole('heading', { name: `Replay ${issue.name} for ${agent.name}` })).toBeVisible();
    await page.getByRole('button', { name: 'Add condition' }).click();
    const condition = page.getByRole('group', { name: 'Condition 1' });
    await condition.getByLabel('Kind').selectOption({ label: 'Number range' });
    await condition.getByLabel('Parameter').selectOption('amount');
    await condition.getByLabel('Maximum').fill('10');
    await condition.getByLabel('Effect').selectOption({ label: 'Block' });
    await page.getByRole('button', { name: 'Replay the window' }).click();
    const report = page.getByRole('status').filter({ hasText: 'proposals in the window would change' });
    await expect(report).toContainText('1 of 2 proposals in the window would change · 1 would have been stopped');
    await expect(report).toContainText('Would have been stopped before it ran');
    await expect(report.getByRole('link', { name: big.slice(-12) })).toHaveAttribute('href', `/actions/${big}`);
    await shot('incident-replay');
  });

  // Nothing the replay did was saved.
  const grant = await db().grant.findFirstOrThrow({ where: { agentId: agent.id, tool: { name: issue.name } } });
  expect(grant.constraints).toBe('[]');
});

test('a reviewer is refused every workbench tab', async ({ page }) => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const { agent } = await seedReviewedRefundPair();
  const incident = await openIncident()(admin.actor, {
    title: uniqueName('Refused'),
    agents: [agent.name],
    windowStart: new Date(Date.now() - 60_000).toISOString(),
  });
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  await signIn(page, reviewer.email, reviewer.password);
  for (const tab of ['', '/timeline', '/replay']) {
    await page.goto(`/incidents/${incident.id}${tab}`);
    await expect(page.getByText('Not available to your role')).toBeVisible();
  }
});
