import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, seedAgentWithTool, VALID_TICKET } from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

// Two reviewers in two browsers, and a deadline that passes while the agent waits: the decisions a reviewer makes
// in Chromium race other people and the clock, and each loser is told what happened instead.

test('two reviewers decide the same action at once: exactly one decision lands, the other is told who decided', async ({
  browser,
  baseURL,
}) => {
  const [rita, rob] = await Promise.all([
    createTestUser(['reviewer'], 'Rita Racer'),
    createTestUser(['reviewer'], 'Rob Racer'),
  ]);
  const { tool, key } = await seedAgentWithTool({ approvalRequired: true });
  const proposed = await agentClient(baseURL!, key).propose({ tool: tool.name, params: VALID_TICKET });
  const id: string = proposed.body.id;

  const pages = await Promise.all(
    [rita, rob].map(async (reviewer) => {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await signIn(page, reviewer.email, reviewer.password);
      await page.goto(`/actions/${id}`);
      await expect(page.getByRole('button', { name: 'Approve' })).toBeEnabled();
      return page;
    }),
  );

  // Rita approves while Rob rejects, in the same instant. Rita's confirmation is opened first; both buttons are found
  // before either is clicked, then both clicks are dispatched at once, without actionability waits. Finding Rob's
  // button after Rita's click was sent let her decision's live update remove it first (the card's intended behaviour,
  // in card-live-decision.spec.ts): seen in CI, Rob's click then waited for a button that was gone.
  await pages[0].getByRole('region', { name: 'Decision' }).getByRole('button', { name: 'Approve…' }).click();
  const confirm = pages[0].getByRole('alertdialog').getByRole('button', { name: 'Approve and release' });
  await expect(confirm).toBeEnabled();
  const [approve, reject] = await Promise.all([
    confirm.elementHandle(),
    pages[1].getByRole('button', { name: 'Reject' }).elementHandle(),
  ]);
  await Promise.all([approve.dispatchEvent('click'), reject.dispatchEvent('click')]);

  // A click returns once dispatched; the server actions are still running.
  const decided = () => db().action.findUniqueOrThrow({ where: { id }, include: { reviewer: true } });
  await expect.poll(async () => (await decided()).status, { timeout: 15_000 }).not.toBe('pending_review');
  const row = await decided();
  expect(['approved', 'rejected']).toContain(row.status);
  const [winner, loserPage] = row.status === 'approved' ? [rita, pages[1]] : [rob, pages[0]];
  expect(row.reviewer?.email).toBe(winner.email);
  await expect(loserPage.getByRole('region', { name: 'Decision' }).getByRole('alert')).toContainText(
    `already decided by ${winner.name} (${winner.email})`,
  );
  const decisions = await db().auditEvent.count({
    where: { actionId: id, type: { in: ['action.approved', 'action.rejected'] } },
  });
  expect(decisions).toBe(1);
  await Promise.all(pages.map((page) => page.context().close()));
});

test("a deadline passing while the agent waits: the agent's wait returns expired, and the reviewer's approval is refused", async ({
  page,
  baseURL,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Eve Late');
  const { tool, key } = await seedAgentWithTool({ approvalRequired: true });
  const agent = agentClient(baseURL!, key);
  const id: string = (await agent.propose({ tool: tool.name, params: VALID_TICKET })).body.id;

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${id}`);
  await expect(page.getByRole('button', { name: 'Approve' })).toBeEnabled();

  // The review deadline comes in two seconds (as if the action had waited most of its hour); the agent is waiting.
  await db().$transaction((tx) =>
    tx.action.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 2000) } }),
  );
  const waited = await agent.getAction(id, '?wait=20');
  expect(waited.body).toMatchObject({ status: 'expired', decision: { decidedBy: null } });

  // The open card hears of the expiry: its controls give way, so no approval is left to refuse.
  await expect(page.getByRole('region', { name: 'Decision' }).getByTestId('decided-elsewhere')).toContainText(
    'Expired',
  );
  await page.reload();
  await expect(page.getByText('Expired', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  expect((await agent.claim(id)).status).toBe(409);
});
