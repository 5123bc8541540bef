import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { MILLION_GBP, seedExternalRefundAgent } from '../fixtures/floor-factories';
import { signIn } from '../fixtures/sign-in';

test("an owner's loosening is named, confirmed and held; the floor refuses approvals 0; an admin approves the held change", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const { owner, admin, agent, tool, grant, key } = await seedExternalRefundAgent({ approvals: 2 });
  const editor = `/agents/${agent.id}/grants/${grant.id}`;
  await signIn(page, owner.email, owner.password);
  await page.goto(editor);
  await expect(page.getByText('Admin floor: external tools need at least 1 approval.')).toBeVisible();

  await test.step('the condition parameter is chosen from the tool schema', async () => {
    await page.getByRole('button', { name: 'Add condition' }).click();
    const parameter = page.getByRole('group', { name: 'Condition 1' }).getByRole('combobox', { name: 'Parameter' });
    await expect(parameter.getByRole('option')).toHaveText(['Choose a parameter', 'orderId', 'amount', 'currency']);
    await page.getByRole('button', { name: 'Remove condition 1' }).click();
  });

  await test.step('fewer approvals: the dialog says what loosens, Cancel keeps everything', async () => {
    await page.getByLabel('Approvals required').fill('1');
    await page.getByRole('button', { name: 'Save grant' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'This change loosens the grant' });
    await expect(dialog).toContainText('approvals required 2 → 1');
    await expect(dialog).toContainText('It is held until an admin approves it');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath('loosening-dialog.png') });
    await dialog.getByRole('button', { name: 'Send for admin approval' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Sent for admin approval' })).toHaveText(
      'Sent for admin approval: the grant stays at version 1 until an admin approves the change.',
    );
  });

  const held = page.getByRole('region', { name: 'Waiting for admin approval' });
  await expect(held).toContainText('A change to this grant is waiting for admin approval');
  await expect(held).toContainText('approvals required 2 → 1');
  await expect(held.getByRole('button', { name: 'Approve change' })).toHaveCount(0);
  await expect(page.getByText(`to ${agent.name} (production) · version 1`)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('held-banner.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await held.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('held-banner-phone.png') });

  await test.step('item 7: approvals 0 is refused by the floor', async () => {
    await page.getByLabel('Approvals required').fill('0');
    await page.getByRole('button', { name: 'Save grant' }).click();
    await page
      .getByRole('alertdialog', { name: 'This change loosens the grant' })
      .getByRole('button', { name: 'Send for admin approval' })
      .click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'external tools need at least 1 approval (admin floor).' }),
    ).toBeVisible();
  });

  await page.goto(`/agents/${agent.id}`);
  await expect(
    page.getByRole('region', { name: 'Grants' }).getByRole('row', { name: new RegExp(tool.name) }),
  ).toContainText('Change waiting for admin approval');

  const waiting = await agentClient(baseURL!, key).propose({ tool: tool.name, params: MILLION_GBP });
  expect(waiting.body.status, 'the agent still needs review while the change is held').toBe('pending_review');

  await test.step('an admin approves the held change: version 2 is active', async () => {
    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin.email, admin.password);
    await adminPage.goto('/floors');
    const list = adminPage.getByRole('region', { name: 'Grant changes waiting for approval' });
    await list.getByRole('link', { name: `${agent.name} → ${tool.name}` }).click();
    await adminPage
      .getByRole('region', { name: 'Waiting for admin approval' })
      .getByRole('button', { name: 'Approve change' })
      .click();
    await expect(adminPage.getByRole('region', { name: 'Waiting for admin approval' })).toHaveCount(0);
    await expect(adminPage.getByText(`to ${agent.name} (production) · version 2`)).toBeVisible();
    await expect(adminPage.getByRole('region', { name: 'Change history' }).getByRole('listitem').first()).toContainText(
      'Held grant change approved',
    );
    await adminContext.close();
  });
});

test('floors page: an admin adds a tool floor; an owner reads the floors; on a phone too', async ({
  page,
  browser,
}, testInfo) => {
  const { owner, admin, tool } = await seedExternalRefundAgent({ approvals: 2 });
  await signIn(page, admin.email, admin.password);
  await page.goto('/queue');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Floors' }).click();
  await expect(page.getByRole('heading', { name: 'Admin floors' })).toBeVisible();
  await expect(page.getByLabel('Minimum approvals for external tools')).toHaveValue('1');

  const tools = page.getByRole('region', { name: 'Tool floors' });
  await tools.getByLabel('Tool').selectOption(tool.name);
  await tools.getByLabel('Minimum approvals', { exact: true }).fill('2');
  await tools.getByRole('button', { name: 'Add tool floor' }).click();
  await expect(tools.getByLabel(`Minimum approvals for ${tool.name}`)).toHaveValue('2');
  await page.screenshot({ path: testInfo.outputPath('floors-admin.png'), fullPage: true });

  const ownerContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const ownerPage = await ownerContext.newPage();
  await signIn(ownerPage, owner.email, owner.password);
  await ownerPage.goto('/floors');
  await expect(ownerPage.getByText('Only admins can change floors.')).toBeVisible();
  await expect(ownerPage.getByRole('region', { name: 'Tool floors' })).toContainText(
    `${tool.name}: at least 2 approvals`,
  );
  await expect(ownerPage.getByRole('button', { name: /Save/ })).toHaveCount(0);
  await ownerPage.screenshot({ path: testInfo.outputPath('floors-owner-phone.png'), fullPage: true });
  await ownerContext.close();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.screenshot({ path: testInfo.outputPath('floors-admin-phone.png'), fullPage: true });
});
