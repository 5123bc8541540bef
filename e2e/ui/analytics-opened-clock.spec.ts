import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, seedAgentWithTool } from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

// "Fast" high-impact decisions are timed from when the reviewer opened the card, not from the proposal: an action
// that waited an hour and was approved two seconds after it was opened is a rubber stamp.
const DAY_MS = 86_400_000;
// A day of its own, far from other specs' (and from reviewer-analytics.spec.ts, which uses 2001–2020).
const day = Date.UTC(1975, 0, 1) + Math.floor(Math.random() * 9000) * DAY_MS;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

test('the card records the reviewer opening it once; analytics times fast decisions from that open', async ({
  page,
  browser,
  baseURL,
}) => {
  const rita = await createTestUser(['reviewer'], `Rita ${iso(day)}`);
  const viewer = await createTestUser(['viewer'], 'Vic Viewer');
  const { tool, key } = await seedAgentWithTool({ actionLevel: 'update' });
  const agent = agentClient(baseURL!, key);
  const opened = await proposeTicket(agent, tool, 'pending_review');
  const unopened = await proposeTicket(agent, tool, 'pending_review');
  const client = db();
  const opens = (actorId: string) =>
    client.auditEvent.findMany({ where: { actionId: opened, type: 'action.opened', actorId } });

  await test.step('opening the card records action.opened once per reviewer, shown in its audit trail', async () => {
    await signIn(page, rita.email, rita.password);
    await page.goto(`/actions/${opened}`);
    await expect.poll(async () => (await opens(rita.id)).length).toBe(1);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Audit trail' }).getByText('Opened by reviewer')).toBeVisible();
    expect((await opens(rita.id)).length).toBe(1);
  });

  await test.step('a viewer, who cannot decide, opens nothing on record', async () => {
    const context = await browser.newContext({ baseURL });
    const viewerPage = await context.newPage();
    await signIn(viewerPage, viewer.email, viewer.password);
    await viewerPage.goto(`/actions/${opened}`);
    await expect(
      viewerPage.getByText('Waiting for a reviewer. Your role cannot approve or reject actions.'),
    ).toBeVisible();
    await context.close();
    expect((await opens(viewer.id)).length).toBe(0);
  });

  await test.step('both wait an hour; Rita approves one 2 s after opening it, the other never opened on record', async () => {
    await approveAction(rita.actor, { actionId: opened });
    await approveAction(rita.actor, { actionId: unopened });
    const proposedAt = day + 10 * 3600_000;
    const openedAt = proposedAt + 3600_000;
    for (const id of [opened, unopened]) {
      const decidedAt = new Date(openedAt + 2000);
      await client.action.update({ where: { id }, data: { createdAt: new Date(proposedAt), decidedAt } });
      await client.actionApproval.update({
        where: { actionId_reviewerId: { actionId: id, reviewerId: rita.id } },
        data: { createdAt: decidedAt },
      });
    }
    await client.auditEvent.updateMany({
      where: { actionId: opened, type: 'action.opened' },
      data: { at: new Date(openedAt) },
    });
  });

  await test.step('analytics: one fast decision (from the open); the other timed from the proposal, and said so', async () => {
    await page.goto(`/analytics?from=${iso(day)}&to=${iso(day)}&threshold=5`);
    const kpi = page
      .locator('main dl > div')
      .filter({ has: page.getByRole('term').getByText('Fast high-impact decisions', { exact: true }) });
    await expect(kpi.getByRole('definition').first()).toHaveText('1');
    await expect(kpi).toContainText(
      'after the reviewer opened the action (1 with no recorded open: timed from the proposal)',
    );
    const row = page.getByRole('table', { name: 'Decisions per reviewer' }).getByRole('row', { name: rita.name });
    await expect(row.getByRole('cell').last()).toHaveText('1 of 2 (50%)');
  });
});
