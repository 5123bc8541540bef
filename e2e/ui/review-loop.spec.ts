import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, seedAgentWithTool } from '../fixtures/factories';
import { approveWithConfirmation, stayOnCardAfterDeciding } from '../fixtures/review-card';
import { signIn } from '../fixtures/sign-in';

const PROPOSAL = {
  params: { title: 'Refund order 1042', priority: 2, assignee: { email: 'billing@example.com' } },
  reason: 'The customer was charged twice.',
  sources: [
    {
      title: 'Support ticket 1042',
      url: 'https://support.example.com/tickets/1042',
      excerpt: 'I was charged twice for one order.',
    },
  ],
};

test('a proposal is reviewed in the console, executed by the agent, audited, and the agent paused', async ({
  page,
  browser,
  baseURL,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const { agent: agentRow, tool, key } = await seedAgentWithTool({ approvalRequired: true });
  const agent = agentClient(baseURL!, key);

  await stayOnCardAfterDeciding(page);
  await signIn(page, reviewer.email, reviewer.password);
  const proposed = await agent.propose({ tool: tool.name, ...PROPOSAL });
  expect(proposed.body.status).toBe('pending_review');
  const actionId: string = proposed.body.id;

  await test.step('the reviewer finds the proposal in the queue and reads it', async () => {
    await page.goto('/queue');
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    await page.getByRole('link', { name: tool.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/actions/${actionId}$`));
    await expect(page.getByRole('heading', { name: 'Parameters' })).toBeVisible();
    await expect(page.getByText(JSON.stringify(PROPOSAL.params, null, 2), { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
    await expect(page.getByText(PROPOSAL.sources[0].title)).toBeVisible();
    await expect(page.getByText(PROPOSAL.sources[0].excerpt)).toBeVisible();
  });

  await test.step("the reviewer approves, and the agent's long-poll returns the approval", async () => {
    const longPoll = agent.waitForDecision(actionId, 30);
    await page.getByLabel('Comment').fill('Verified the double charge.');
    await approveWithConfirmation(page);
    await expect(page.getByText(`Approved by ${reviewer.name}`)).toBeVisible();
    const decided = await longPoll;
    expect(decided.body).toMatchObject({
      status: 'approved',
      decision: { decidedBy: reviewer.name, reason: 'Verified the double charge.' },
    });
  });

  await test.step('the agent claims the action and reports success', async () => {
    expect((await agent.claim(actionId)).body.status).toBe('executing');
    expect((await agent.reportResult(actionId, { ok: true, downstreamRef: 'refund-77' })).body.status).toBe(
      'succeeded',
    );
  });

  await test.step('the audit log, filtered to the action, shows all six steps', async () => {
    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await page.getByLabel('Action').fill(actionId);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`action=${actionId}`));
    const log = page.getByRole('table');
    for (const step of [
      'Proposed by agent',
      'Gate decided',
      'Opened by reviewer',
      'Approved by reviewer',
      'Claimed for execution',
      'Reported success',
    ]) {
      await expect(log.getByText(step, { exact: true }), step).toHaveCount(1);
    }
    await expect(log.getByRole('row')).toHaveCount(7); // the header and the six events of this action, nothing else
  });

  await test.step("an admin pauses the agent from its page, and the agent's next proposal is blocked", async () => {
    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin.email, admin.password);
    await adminPage.goto(`/agents/${agentRow.id}`);
    await adminPage.getByRole('button', { name: 'Pause agent' }).click();
    await expect(adminPage.getByRole('button', { name: 'Resume agent' })).toBeVisible();
    await adminContext.close();

    const next = await agent.propose({ tool: tool.name, ...PROPOSAL });
    expect(next.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: expect.arrayContaining([expect.stringContaining('agent is paused')]) },
    });
  });
});
