import type { Browser, Page } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, uniqueName, type TestUser } from '../fixtures/factories';
import { createTestGroup } from '../fixtures/group-factories';
import { REFUND_OVER_LIMIT, seedOwnedRefundAgent } from '../fixtures/owner-factories';
import { approveWithConfirmation, stayOnCardAfterDeciding } from '../fixtures/review-card';
import { signIn } from '../fixtures/sign-in';

async function signedInPage(browser: Browser, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user.email, user.password);
  return page;
}

test('an admin builds Finance and Security, an owner requires both on a grant, and one reviewer of each approves', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000); // four people sign in and act in turn
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const fiona = await createTestUser(['reviewer'], 'Fiona Finance');
  const sara = await createTestUser(['reviewer'], 'Sara Security');
  const { owner, agent, tool, grant, key } = await seedOwnedRefundAgent({ approvals: 1 });
  const finance = uniqueName('Finance');
  const security = uniqueName('Security');

  await test.step('the admin creates the two groups and adds a reviewer to each', async () => {
    await signIn(page, admin.email, admin.password);
    await page.goto('/queue');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviewers' }).click();
    await expect(page.getByRole('heading', { name: 'Reviewer groups', level: 1 })).toBeVisible();
    for (const [name, description, member] of [
      [finance, 'Refunds and payouts', fiona],
      [security, 'Bank details and access', sara],
    ] as const) {
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Description (optional)').fill(description);
      await page.getByRole('button', { name: 'Create group' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'created' })).toHaveText(
        `Group ${name} created. Add its members below.`,
      );
      const card = page.getByRole('region', { name });
      await expect(card).toContainText('No members yet');
      await card.getByLabel(`Add a reviewer to ${name}`).selectOption({ label: `${member.name} (${member.email})` });
      await card.getByRole('button', { name: 'Add member' }).click();
      await expect(card.getByRole('list', { name: `Members of ${name}` })).toContainText(member.email);
      await expect(card).toContainText('1 member');
    }
    await page.getByRole('region', { name: finance }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('reviewers-page.png'), fullPage: true });
  });

  await test.step('the owner requires Finance and Security on the grant, asks Finance first, and escalates to Security after 30 minutes', async () => {
    const ownerPage = await signedInPage(browser, owner);
    await ownerPage.goto(`/agents/${agent.id}/grants/${grant.id}`);
    const required = ownerPage.getByRole('group', { name: 'Required groups' });
    await required.getByRole('checkbox', { name: finance }).check();
    await required.getByRole('checkbox', { name: security }).check();
    await ownerPage.getByLabel('Review group asked first').selectOption({ label: `${finance} (1 member)` });
    await ownerPage.getByRole('button', { name: 'Add escalation step' }).click();
    const step = ownerPage.getByRole('group', { name: 'Escalation step 1' });
    await step.getByLabel('After (minutes)').fill('30');
    await step.getByLabel('Escalate to').selectOption({ label: security });
    await ownerPage.getByRole('button', { name: 'Save grant' }).click();
    await expect(ownerPage.getByRole('status').filter({ hasText: 'Grant saved' })).toHaveText(
      'Grant saved (version 2).',
    );

    const rules = `one from each of ${finance} and ${security} · asks ${finance} first · escalates to ${security} after 30 min`;
    await expect(ownerPage.getByRole('region', { name: 'Rules' })).toContainText(`2 approvals · ${rules}`);
    const change = ownerPage
      .getByRole('region', { name: 'Change history' })
      .getByRole('listitem')
      .filter({ hasText: 'Grant changed (version 2)' });
    await expect(change).toContainText(`2 approvals · ${rules}`);
    await ownerPage.screenshot({ path: testInfo.outputPath('grant-editor.png'), fullPage: true });
    await ownerPage.context().close();
  });

  const client = agentClient(baseURL!, key);
  const proposed = await client.propose({
    tool: tool.name,
    params: REFUND_OVER_LIMIT,
    reason: 'Customer was charged twice.',
  });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  expect(proposed.body.status).toBe('pending_review');
  const actionId: string = proposed.body.id;

  await test.step('Fiona (Finance) approves: 1 of 2, the action waits for Security', async () => {
    const fionaPage = await signedInPage(browser, fiona);
    await stayOnCardAfterDeciding(fionaPage);
    await fionaPage.goto(`/actions/${actionId}`);
    await approveWithConfirmation(fionaPage);
    await expect(fionaPage.getByRole('status').filter({ hasText: '1 of 2' })).toBeVisible();
    expect((await client.getAction(actionId)).body.status).toBe('pending_review');
    await fionaPage.screenshot({ path: testInfo.outputPath('first-approval.png'), fullPage: true });
    await fionaPage.context().close();
  });

  await test.step('Sara (Security) approves: the action is approved and the agent may run it', async () => {
    const saraPage = await signedInPage(browser, sara);
    await stayOnCardAfterDeciding(saraPage);
    await saraPage.goto(`/actions/${actionId}`);
    await approveWithConfirmation(saraPage);
    await expect(saraPage.getByText(`Approved by ${sara.name}`, { exact: true })).toBeVisible();
    await saraPage.screenshot({ path: testInfo.outputPath('approved.png'), fullPage: true });
    await saraPage.context().close();
    expect((await client.getAction(actionId)).body.status).toBe('approved');
    expect((await client.claim(actionId)).body.status).toBe('executing');
  });

  await test.step('the admin renames Security; the grant reads with the new name (it keeps the group id)', async () => {
    const renamed = `${security}-ops`;
    await page.goto('/reviewers');
    await page.getByRole('button', { name: `Edit ${security}` }).click();
    const form = page.getByRole('form', { name: `Edit ${security}` });
    await form.getByLabel('Group name').fill(renamed);
    await form.getByRole('button', { name: 'Save group' }).click();
    await expect(page.getByRole('heading', { name: renamed, level: 2 })).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath('reviewers-phone.png'), fullPage: true });
    await page.goto(`/agents/${agent.id}/grants/${grant.id}`);
    await expect(page.getByRole('region', { name: 'Rules' })).toContainText(
      `one from each of ${finance} and ${renamed}`,
    );
  });
});

test('an admin deletes a group nothing uses after confirming; a group a grant requires is kept, with the grant named', async ({
  page,
}, testInfo) => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const unused = await createTestGroup('Temporary');
  const used = await createTestGroup('Payments');
  const { agent, tool } = await seedOwnedRefundAgent({ approvals: 1, requiredGroups: [used.id] });

  await signIn(page, admin.email, admin.password);
  await page.goto('/reviewers');
  const usedCard = page.getByRole('region', { name: used.name });
  await usedCard.getByRole('button', { name: 'Delete group' }).click();
  await expect(page.getByRole('alertdialog', { name: `Delete ${used.name}?` })).toBeVisible();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete group' }).click();
  await expect(usedCard.getByRole('alert')).toContainText(
    `${used.name} is still used by grant ${agent.name} → ${tool.name}. Change those first.`,
  );
  await usedCard.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('reviewers-delete-refused.png'), fullPage: false });

  const unusedCard = page.getByRole('region', { name: unused.name });
  await unusedCard.getByRole('button', { name: 'Delete group' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(unusedCard).toBeVisible();
  await unusedCard.getByRole('button', { name: 'Delete group' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete group' }).click();
  await expect(page.getByRole('region', { name: unused.name })).toHaveCount(0);
  await expect(page.getByRole('region', { name: used.name })).toBeVisible();
});
