import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { seedOwnedRefundAgent } from '../fixtures/owner-factories';
import { signIn } from '../fixtures/sign-in';

test('an owner creates a key, rotates one with an overlap, and revokes it: the very next call is refused', async ({
  page,
  baseURL,
}) => {
  const { owner, agent, key: firstKey, prefix: firstPrefix } = await seedOwnedRefundAgent();
  await signIn(page, owner.email, owner.password);
  await page.goto(`/agents/${agent.id}`);
  const keys = page.getByRole('region', { name: 'Keys' });

  await test.step('create a labelled key: it is shown once and works', async () => {
    await keys.getByLabel('Label').fill('ci deploy');
    await keys.getByRole('button', { name: 'Create key' }).click();
    await expect(keys.getByText('Copy this key now')).toBeVisible();
    const created = await keys.getByLabel('New key').inputValue();
    expect((await agentClient(baseURL!, created).authority()).status).toBe(200);
    await expect(keys.getByRole('row', { name: /ci deploy/ })).toContainText('Active');
  });

  let rotatedKey = '';
  await test.step('rotate the first key with a 15-minute overlap: both keys work', async () => {
    await keys
      .getByRole('row', { name: new RegExp(firstPrefix) })
      .getByRole('button', { name: 'Rotate' })
      .click();
    const dialog = page.getByRole('dialog', { name: `Rotate key ${firstPrefix}…` });
    await dialog.getByLabel('Old key keeps working for').selectOption({ label: '15 minutes' });
    await dialog.getByRole('button', { name: 'Rotate key' }).click();
    await expect(dialog.getByRole('status')).toContainText(`The old key ${firstPrefix}… stops working at`);
    rotatedKey = await dialog.getByLabel('New key').inputValue();
    expect(rotatedKey).not.toBe(firstKey);
    expect((await agentClient(baseURL!, firstKey).authority()).status, 'old key within the overlap').toBe(200);
    expect((await agentClient(baseURL!, rotatedKey).authority()).status, 'new key').toBe(200);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(keys.getByRole('row', { name: /rotated/ })).toContainText('Active');
  });

  await test.step('revoke the old key: its very next call is 401, the new key still works', async () => {
    await keys
      .getByRole('row', { name: new RegExp(firstPrefix) })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await page
      .getByRole('alertdialog', { name: `Revoke key ${firstPrefix}…?` })
      .getByRole('button', { name: 'Revoke key' })
      .click();
    await expect(keys.getByRole('row', { name: new RegExp(firstPrefix) })).toContainText('Revoked');
    expect((await agentClient(baseURL!, firstKey).authority()).status).toBe(401);
    expect((await agentClient(baseURL!, rotatedKey).authority()).status).toBe(200);
  });
});
