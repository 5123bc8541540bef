import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { REFUND_OVER_LIMIT, seedOwnedRefundAgent } from '../fixtures/owner-factories';
import { signIn } from '../fixtures/sign-in';

test('an owner adds a review condition and an expiry, checks the impact, saves, and the gate follows the new rule', async ({
  page,
  baseURL,
}) => {
  const { owner, agent, tool, key } = await seedOwnedRefundAgent({ approvals: 0 });
  const client = agentClient(baseURL!, key);
  const earlier = await client.propose({ tool: tool.name, params: REFUND_OVER_LIMIT });
  expect(earlier.body.status, 'no approval needed before the change').toBe('approved');

  await signIn(page, owner.email, owner.password);
  await page.goto(`/agents/${agent.id}`);
  const grants = page.getByRole('region', { name: 'Grants' });
  await expect(grants.getByRole('row', { name: new RegExp(tool.name) })).toContainText('no approval');
  await grants.getByRole('link', { name: `Edit grant ${tool.name}` }).click();
  await expect(page.getByRole('heading', { name: `Grant: ${tool.name}` })).toBeVisible();

  await test.step('add "amount ≤ 500, else review" and an expiry', async () => {
    await page.getByRole('button', { name: 'Add condition' }).click();
    const condition = page.getByRole('group', { name: 'Condition 1' });
    await condition.getByLabel('Kind').selectOption({ label: 'Number range' });
    await condition.getByLabel('Parameter').selectOption('amount');
    await condition.getByLabel('Maximum').fill('500');
    await condition.getByLabel('Effect').selectOption({ label: 'Review' });
    await page.getByLabel('Expires at (UTC)').fill('2030-12-31T00:00');
  });

  await test.step('check the impact on the recorded proposals before saving', async () => {
    await page.getByRole('button', { name: 'Check impact' }).click();
    const impact = page.getByRole('status').filter({ hasText: 'recorded proposals would change' });
    await expect(impact).toContainText('1 of 1 recorded proposals would change');
    await expect(impact).toContainText('review: amount 1,200 > 500');
  });

  await test.step('save; the change history shows who changed what', async () => {
    await page.getByRole('button', { name: 'Save grant' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Grant saved' })).toHaveText('Grant saved (version 2).');
    const history = page.getByRole('region', { name: 'Change history' });
    const change = history.getByRole('listitem').filter({ hasText: 'Grant changed (version 2)' });
    await expect(change).toContainText(`by ${owner.name}`);
    await expect(change).toContainText('Before');
    await expect(change).toContainText('amount ≤ 500 else review');
    await expect(change).toContainText('expires 2030-12-31');
  });

  await test.step('a proposal that breaks the rule now goes to review, with the reason', async () => {
    const after = await client.propose({ tool: tool.name, params: REFUND_OVER_LIMIT });
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect(after.body.status).toBe('pending_review');
    expect(after.body.decision.reasons).toContain('review: amount 1,200 > 500');
  });

  await test.step("the agent's page summarises the new rules", async () => {
    await page.goto(`/agents/${agent.id}`);
    await expect(
      page.getByRole('region', { name: 'Grants' }).getByRole('row', { name: new RegExp(tool.name) }),
    ).toContainText('no approval · amount ≤ 500 else review · expires 2030-12-31');
  });
});

test('saving over a newer version of the grant is refused with a conflict, and revoking needs a confirmation', async ({
  page,
  context,
}) => {
  const { owner, agent, tool, grant } = await seedOwnedRefundAgent({ approvals: 1 });
  await signIn(page, owner.email, owner.password);
  const editor = `/agents/${agent.id}/grants/${grant.id}`;
  await page.goto(editor);

  const other = await context.newPage();
  await other.goto(editor);
  await other.getByLabel('Approvals required').fill('2');
  await other.getByRole('button', { name: 'Save grant' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Grant saved' })).toBeVisible();

  await page.getByLabel('Approvals required').fill('3');
  await page.getByRole('button', { name: 'Save grant' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'This grant was changed by someone else (now version 2)' }),
  ).toBeVisible();

  await page.reload();
  await page.getByRole('button', { name: 'Revoke grant' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Revoke the grant of ${tool.name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Revoke grant' }).click();
  await expect(page).toHaveURL(new RegExp(`/agents/${agent.id}$`));
  await expect(page.getByRole('region', { name: 'Grants' })).toContainText('No grants');
});
