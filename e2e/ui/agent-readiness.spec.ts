import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { SETUP } from '../fixtures/factories';
import { seedReadinessAgent } from '../fixtures/readiness-factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { pauseAgent } = appModule<typeof import('@/lib/agents/set-agent-status')>('@/lib/agents/set-agent-status');

const FALLBACK = 'Issue refunds by hand in the shop admin and note the order in #refunds.';

test('an owner sees the readiness gaps with links, writes the manual fallback, and its row turns ready; reviewers read it while the agent is paused', async ({
  page,
  baseURL,
}, testInfo) => {
  const { owner, agent, tool, key } = await seedReadinessAgent({ configured: false });
  await signIn(page, owner.email, owner.password);
  await page.goto(`/agents/${agent.id}`);
  const card = page.getByRole('region', { name: 'Readiness' });
  const checklist = card.getByRole('list', { name: 'Readiness checklist' });

  await test.step('each area is a row with a heading; gaps are named, each with a link to fix it', async () => {
    await expect(checklist.getByRole('heading', { level: 3 })).toHaveText([
      /^Purpose — Ready$/,
      /^Identity — 1 gap$/,
      /^Permissions — 1 gap$/,
      /^Tools — 1 gap$/,
      /^Validation — 1 gap$/,
      /^Approval — 1 gap$/,
      /^Audit — \d gaps?$/,
      /^Recovery — 1 gap$/,
    ]);
    await expect(checklist).toContainText('Purpose recorded; Olga Owner answers for it');
    await expect(
      card.getByRole('link', { name: `Fix: update tool \`${tool.name}\` has no rollback declared` }),
    ).toHaveAttribute('href', `/tools/${tool.id}`);
    await expect(card.getByRole('link', { name: 'Fix: no requester verification' })).toHaveAttribute(
      'href',
      `/agents/${agent.id}#agent-requester-key`,
    );
    await expect(card.getByRole('link', { name: 'Fix: no manual fallback text' })).toHaveAttribute(
      'href',
      `/agents/${agent.id}#agent-edit`,
    );
    await card.screenshot({ path: testInfo.outputPath('readiness-gaps.png') });
  });

  await test.step('writing the manual fallback turns the recovery row ready', async () => {
    await card.getByRole('link', { name: 'Fix: no manual fallback text' }).click();
    const form = page.getByRole('form', { name: 'Edit details' });
    await form.getByLabel('Manual fallback').fill(FALLBACK);
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect(form.getByRole('status')).toHaveText('Details saved.');
    await expect(checklist.getByRole('heading', { name: /^Recovery/ })).toHaveText(/^Recovery — Ready$/);
    await expect(checklist).toContainText(/Shutoff contact, manual fallback and \d+ admins for the return to normal/);
    await expect(card.getByRole('link', { name: 'Fix: no manual fallback text' })).toHaveCount(0);
    // The score itself is not compared: the audit area depends on workspace-wide channels other specs change.
    await expect(card.getByTestId('readiness-score')).toHaveText(/^\d\/8$/);
    await expect(page.getByRole('region', { name: 'Details' })).toContainText(FALLBACK);
    await page.screenshot({ path: testInfo.outputPath('agent-page-desktop.png'), fullPage: true });
  });

  await test.step('the agents list shows the score with a label, linking to the checklist', async () => {
    await page.goto('/agents');
    const row = page.getByRole('row', { name: new RegExp(agent.name) });
    const score = row.getByRole('link', { name: /^Readiness \d of 8: \d areas to fix$/ });
    await expect(score).toHaveAttribute('href', `/agents/${agent.id}#agent-readiness`);
    await page.screenshot({ path: testInfo.outputPath('agents-list-desktop.png'), fullPage: true });
  });

  await test.step('while the agent is paused its action card shows the manual fallback', async () => {
    const proposed = await agentClient(baseURL!, key).propose({
      tool: tool.name,
      params: { orderId: 'ORD-7', amount: 20 },
    });
    expect(proposed.status).toBeLessThan(300);
    const actionId = proposed.body.id as string;
    await page.goto(`/actions/${actionId}`);
    await expect(page.getByRole('heading', { name: /is paused: manual fallback/ })).toHaveCount(0);
    await pauseAgent(SETUP, { id: agent.id });
    await page.reload();
    const callout = page.getByRole('region', { name: `${agent.name} is paused: manual fallback` });
    await expect(callout).toContainText(FALLBACK);
    await page.screenshot({ path: testInfo.outputPath('action-paused-desktop.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(callout).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('action-paused-phone.png'), fullPage: true });
    await page.goto(`/agents/${agent.id}`);
    await expect(card).toBeVisible();
    await card.screenshot({ path: testInfo.outputPath('readiness-phone.png') });
    await page.goto('/agents');
    // On a phone the Readiness column is scrolled out of view: the score rides under the name.
    await expect(
      page
        .getByRole('row', { name: new RegExp(agent.name) })
        .getByRole('link', { name: /^Readiness \d of 8/ })
        .first(),
    ).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('agents-list-phone.png'), fullPage: true });
  });
});
