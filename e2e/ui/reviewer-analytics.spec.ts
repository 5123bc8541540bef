import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import { agentClient, type AgentClient } from '../fixtures/agent-client';
import {
  createTestTool,
  createTestUser,
  grantTestTool,
  SETUP,
  seedAgentWithTool,
  type TestUser,
} from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');

const DAY_MS = 86_400_000;

// Other specs decide actions "now" on the same server; these decisions are moved to two days of their own in the past
// (a random pair, so a repeated run on the same database does not count them twice), and the page is read for those days.
const day1 = Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 7000) * DAY_MS;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const RANGE = `from=${iso(day1)}&to=${iso(day1 + DAY_MS)}`;

type Decision = { reviewer: TestUser; decision: 'approve' | 'reject'; after: number };

/** Proposes, lets the reviewers decide through the app, then sets the times: proposed at `proposedAt`, each decision `after` seconds later. */
async function decided(agent: AgentClient, tool: { name: string }, proposedAt: number, decisions: Decision[]) {
  const actionId = await proposeTicket(agent, tool, 'pending_review');
  for (const { reviewer, decision } of decisions) {
    await (decision === 'approve' ? approveAction : rejectAction)(reviewer.actor, {
      actionId,
      comment: '',
    });
  }
  const client = db();
  const last = decisions.at(-1)!;
  await client.action.update({
    where: { id: actionId },
    data: { createdAt: new Date(proposedAt), decidedAt: new Date(proposedAt + last.after * 1000) },
  });
  for (const { reviewer, decision, after } of decisions) {
    if (decision === 'approve') {
      await client.actionApproval.update({
        where: { actionId_reviewerId: { actionId, reviewerId: reviewer.id } },
        data: { createdAt: new Date(proposedAt + after * 1000) },
      });
    }
  }
}

/** Each KPI is a term and its value (then a hint) in the page's description list. */
async function expectKpis(page: Page, kpis: Record<string, string>) {
  for (const [term, value] of Object.entries(kpis)) {
    const kpi = page.locator('main dl > div').filter({ has: page.getByRole('term').getByText(term, { exact: true }) });
    await expect(kpi.getByRole('definition').first(), term).toHaveText(value);
  }
}

test('reviewer analytics: KPIs and per-reviewer numbers for known decisions, readable by a viewer, not by an agent key', async ({
  page,
  browser,
  baseURL,
}) => {
  const ann = await createTestUser(['reviewer'], `Ann ${iso(day1)}`);
  const bob = await createTestUser(['reviewer'], `Bob ${iso(day1)}`);
  const admin = await createTestUser(['admin']);
  const viewer = await createTestUser(['viewer']);

  // Three tools: an update (high impact), a read (not), and an external one that needs two approvals.
  const {
    agent: agentRow,
    tool: updateTool,
    key,
  } = await seedAgentWithTool({ approvalRequired: true, actionLevel: 'update' });
  const readTool = await createTestTool({ actionLevel: 'read' });
  await grantTestTool(agentRow, readTool, true);
  const quorumTool = await createTestTool({ actionLevel: 'external' });
  await grantTool(SETUP, { agent: { id: agentRow.id }, tool: quorumTool.name, rules: { approvals: 2 } });
  const agent = agentClient(baseURL!, key);

  const morning = day1 + 10 * 3600_000;
  const nextMorning = day1 + DAY_MS + 9 * 3600_000;
  await decided(agent, updateTool, morning, [{ reviewer: ann, decision: 'approve', after: 2 }]);
  await decided(agent, updateTool, morning + 60_000, [{ reviewer: ann, decision: 'approve', after: 3 }]);
  await decided(agent, updateTool, morning + 120_000, [{ reviewer: ann, decision: 'reject', after: 4 }]);
  await decided(agent, updateTool, morning + 180_000, [{ reviewer: ann, decision: 'approve', after: 30 }]);
  await decided(agent, quorumTool, morning + 240_000, [
    { reviewer: ann, decision: 'approve', after: 10 },
    { reviewer: bob, decision: 'approve', after: 40 },
  ]);
  await decided(agent, readTool, nextMorning, [{ reviewer: bob, decision: 'approve', after: 60 }]);
  await decided(agent, readTool, nextMorning + 60_000, [{ reviewer: bob, decision: 'reject', after: 120 }]);

  await signIn(page, admin.email, admin.password);
  await test.step('one more action passes its review deadline unanswered', async () => {
    const actionId = await proposeTicket(agent, updateTool, 'pending_review');
    const client = db();
    await client.action.update({ where: { id: actionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await page.goto('/queue'); // every console page expires overdue actions
    await expect
      .poll(async () => (await client.action.findUniqueOrThrow({ where: { id: actionId } })).status)
      .toBe('expired');
    await client.action.update({
      where: { id: actionId },
      data: { createdAt: new Date(morning), decidedAt: new Date(morning + 3600_000) },
    });
  });

  await test.step('an admin sees the KPIs of the seven decisions and the expiry', async () => {
    await page.goto(`/analytics?${RANGE}`);
    await expect(page.getByRole('heading', { name: 'Reviewer analytics' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Analytics' })).toHaveAttribute('aria-current', 'page');
    // Final decisions took 2, 3, 4, 30, 40, 60 and 120 s; Ann decided three update actions in under 5 s.
    await expectKpis(page, {
      Decisions: '7',
      'Median time to decision': '30 s',
      'p90 time to decision': '1 min 24 s',
      'Approval rate': '71%',
      'Fast high-impact decisions': '3',
      Expiries: '1',
    });
  });

  await test.step('the reviewer table counts each approval of the two-approval action for its reviewer', async () => {
    const rows = page.getByRole('table', { name: 'Decisions per reviewer' }).getByRole('row');
    await expect(rows).toHaveCount(3);
    // Ann: 2, 3, 4 (rejected), 10 (first of two approvals), 30 s — 3 of her 5 high-impact decisions fast: highlighted.
    await expect(rows.nth(1).getByRole('cell')).toHaveText([
      `${ann.name}Many fast decisions`,
      '5',
      '4 s',
      '22 s',
      '80%',
      '3 of 5 (60%)',
    ]);
    // Bob: 40 (second approval, final), 60, 120 s (rejected); only the external action is high impact.
    await expect(rows.nth(2).getByRole('cell')).toHaveText([
      bob.name,
      '3',
      '1 min',
      '1 min 48 s',
      '67%',
      '0 of 1 (0%)',
    ]);
  });

  await test.step('the charts have their numbers as tables', async () => {
    await expect(page.getByRole('img', { name: /approved and rejected decisions per day/ })).toBeVisible();
    const days = page.getByRole('table', { name: /Decisions per day/ }).getByRole('row');
    await expect(days.nth(1).getByRole('cell')).toHaveText([iso(day1), '4', '1']);
    await expect(days.nth(2).getByRole('cell')).toHaveText([iso(day1 + DAY_MS), '1', '1']);
    const tools = page.getByRole('table', { name: 'Time to decision per tool' });
    await expect(tools.getByRole('row', { name: updateTool.name }).getByRole('cell')).toHaveText([
      updateTool.name,
      '4',
      '3.5 s',
      '22.2 s',
      '75%',
    ]);
    await expect(tools.getByRole('row', { name: quorumTool.name }).getByRole('cell')).toHaveText([
      quorumTool.name,
      '1',
      '40 s',
      '40 s',
      '100%',
    ]);
  });

  await test.step('a lower fast-decision threshold, through the form, leaves Ann one fast decision', async () => {
    await page.getByLabel('Fast decision threshold (seconds)').fill('3');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/threshold=3/);
    await expectKpis(page, { 'Fast high-impact decisions': '1' });
    const annRow = page.getByRole('table', { name: 'Decisions per reviewer' }).getByRole('row').nth(1);
    await expect(annRow.getByRole('cell').last()).toHaveText('1 of 5 (20%)');
    await expect(annRow.getByText('Many fast decisions')).toHaveCount(0);
  });

  await test.step('a days range without decisions shows the empty state', async () => {
    await page.goto(`/analytics?from=${iso(day1 - 3 * DAY_MS)}&to=${iso(day1 - 2 * DAY_MS)}`);
    await expect(page.getByText('No decisions in this range')).toBeVisible();
  });

  await test.step('a viewer (audit.read) reads the same numbers', async () => {
    const context = await browser.newContext();
    const viewerPage = await context.newPage();
    await signIn(viewerPage, viewer.email, viewer.password);
    await viewerPage.goto(`/analytics?${RANGE}`);
    await expectKpis(viewerPage, { Decisions: '7', 'Approval rate': '71%' });
    await context.close();
  });

  await test.step('an agent key gets the sign-in redirect, not the page', async () => {
    const reply = await agent.request('GET', `/analytics?${RANGE}`);
    expect(reply.status).toBe(307);
    expect(new URL(reply.location ?? '', baseURL).pathname).toBe('/sign-in');
  });
});
