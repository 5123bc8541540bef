import { test, expect } from '../fixtures/test';
import { createTestAgent, createTestAgentKey, createTestUser, uniqueName } from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';

test('an admin creates an agent, edits and transfers it, then archives it behind a confirmation', async ({
  page,
}, testInfo) => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const owner = await createTestUser(['owner'], 'Olga Owner');
  const next = await createTestUser(['owner'], 'Nils Next');
  const name = uniqueName('triage');
  await signIn(page, admin.email, admin.password);
  await page.goto('/agents');
  await page.getByRole('link', { name: 'New agent' }).click();
  await expect(page.getByRole('heading', { name: 'New agent' })).toBeVisible();

  await test.step('a bad name is refused with a message naming the field', async () => {
    await page.getByLabel('Name').fill('Triage Bot');
    await page.getByLabel('Owner').selectOption({ label: `${owner.name} (${owner.email})` });
    await page.getByRole('button', { name: 'Create agent' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Invalid input: name may hold only lowercase letters' }),
    ).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('new-agent-error.png'), fullPage: true });
  });

  await test.step('created, its page shows the details; the shutoff contact defaults to the owner', async () => {
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Environment').selectOption({ label: 'Test' });
    await page.getByLabel('Purpose').fill('Sorts incoming support tickets');
    await page.getByLabel('Monitoring note').fill('Grafana: support/triage; alerts to #support-ops');
    await page.getByRole('button', { name: 'Create agent' }).click();
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    const details = page.getByRole('region', { name: 'Details', exact: true });
    await expect(details).toContainText(owner.email);
    await expect(details).toContainText('Grafana: support/triage');
    await expect(details.getByText(owner.email).last()).toBeVisible();
  });

  await test.step('edit and transfer: the owner changes, and so does the shutoff contact that was theirs', async () => {
    const edit = page.getByRole('form', { name: 'Edit details' });
    await edit.getByLabel('Purpose').fill('Sorts and routes support tickets');
    await edit.getByLabel('Owner').selectOption({ label: `${next.name} (${next.email})` });
    await edit.getByRole('button', { name: 'Save details' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Details saved.' })).toBeVisible();
    const details = page.getByRole('region', { name: 'Details', exact: true });
    await expect(details).toContainText(`${next.name} (${next.email})`);
    await expect(details).toContainText('Sorts and routes support tickets');
    await expect(edit.getByLabel('Shutoff contact')).toHaveValue(next.email);
    await page.screenshot({ path: testInfo.outputPath('agent-page.png'), fullPage: true });
  });

  await test.step('archive, after a dialog that names what it ends', async () => {
    await page.getByRole('button', { name: 'Archive agent' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Archive ${name}?` });
    await expect(dialog).toContainText('0 keys are revoked at once');
    await expect(dialog).toContainText('its name can never be used again');
    await page.screenshot({ path: testInfo.outputPath('archive-dialog.png') });
    await dialog.getByRole('button', { name: 'Archive agent' }).click();
    await expect(page.getByRole('note')).toContainText('This agent is read-only');
    await expect(page.getByRole('form', { name: 'Edit details' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Pause agent' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Create key' })).toHaveCount(0);
  });

  await test.step('the list hides it by default and shows it, marked, on request', async () => {
    await page.goto('/agents');
    await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
    await page.getByRole('link', { name: 'Show archived agents' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(row.getByRole('cell', { name: 'Archived', exact: true })).toBeVisible();
  });
});

test('an owner edits only the purpose, monitoring note and shutoff contact of their agent, and cannot create or archive', async ({
  page,
}) => {
  const agent = await createTestAgent();
  await signIn(page, agent.owner.email, agent.owner.password);
  await page.goto('/agents');
  await expect(page.getByRole('heading', { name: 'Agents' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New agent' })).toHaveCount(0);
  await page.getByRole('link', { name: agent.name, exact: true }).click();

  const edit = page.getByRole('form', { name: 'Edit details' });
  await expect(edit.getByLabel('Purpose')).toHaveValue('end-to-end test agent');
  await expect(edit.getByLabel('Owner')).toHaveCount(0);
  await expect(edit.getByLabel('Environment')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Archive agent' })).toHaveCount(0);
  await expect(edit.getByLabel('Shutoff contact')).toHaveAttribute('required', '');
  await edit.getByLabel('Shutoff contact').fill('+44 20 7946 0000 (support on-call)');
  await edit.getByLabel('Purpose').fill('Files tickets for the support team');
  await edit.getByRole('button', { name: 'Save details' }).click();
  await expect(edit.getByRole('status')).toHaveText('Details saved.');
  await expect(page.getByRole('region', { name: 'Details', exact: true })).toContainText(
    '+44 20 7946 0000 (support on-call)',
  );

  await page.goto('/agents/new');
  await expect(page.getByRole('alert').filter({ hasText: 'Only admins create agents.' })).toBeVisible();
});

test('at 390×844 the new-agent form, the agent page and the archive dialog fit the screen', async ({
  page,
}, testInfo) => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const agent = await createTestAgent();
  await createTestAgentKey(agent);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, admin.email, admin.password);

  await page.goto('/agents/new');
  await expect(page.getByRole('button', { name: 'Create agent' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('new-agent-phone.png'), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.goto(`/agents/${agent.id}`);
  await expect(page.getByRole('form', { name: 'Edit details' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('agent-page-phone.png'), fullPage: true });
  await page.getByRole('button', { name: 'Archive agent' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Archive ${agent.name}?` });
  await expect(dialog).toContainText('1 key is revoked at once');
  await expect(dialog.getByRole('button', { name: 'Archive agent' })).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('archive-dialog-phone.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});
