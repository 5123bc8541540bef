import { agentClient } from '../fixtures/agent-client';
import { createTestUser, seedAgentWithTool } from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { signIn } from '../fixtures/sign-in';
import { expect, test } from '../fixtures/test';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

// Drafts (issue 13 §2): a reviewer finds a draft-only agent's draft on the Drafts page, reads it as a review card,
// promotes it into the review queue or discards it behind a confirmation.

async function twoDrafts(baseURL: string) {
  const seeded = await seedAgentWithTool({ mode: 'draft_only', actionLevel: 'create', approvalRequired: true });
  const client = agentClient(baseURL, seeded.key);
  const first = await proposeTicket(client, seeded.tool, 'draft');
  const second = await proposeTicket(client, seeded.tool, 'draft');
  return { ...seeded, first, second };
}

test('a reviewer promotes a draft from the Drafts page into the review queue', async ({ page, baseURL }, testInfo) => {
  const { agent, tool, first, second } = await twoDrafts(baseURL!);
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto('/queue');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drafts' }).click();
  await expect(page.getByRole('heading', { name: 'Drafts', level: 1 })).toBeVisible();
  await page.getByLabel('Agent').selectOption(agent.name);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const table = page.getByRole('table', { name: 'Drafts' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('drafts-page.png'), fullPage: true });

  await table.getByRole('row').nth(2).getByRole('link', { name: tool.name }).click();
  await expect(page).toHaveURL(new RegExp(`/actions/${first}$`));
  const panel = page.getByRole('region', { name: 'Draft' });
  await expect(panel).toContainText('Held as a draft');
  await page.screenshot({ path: testInfo.outputPath('draft-card.png'), fullPage: true });

  await panel.getByRole('button', { name: 'Promote to review' }).click();
  await expect(page.getByRole('region', { name: 'Draft' })).toContainText('Promoted from a draft');
  const promoted = await db().action.findFirstOrThrow({ where: { promotedFromId: first } });
  await expect(page).toHaveURL(new RegExp(`/actions/${promoted.id}$`));

  await page.goto(`/queue?agent=${encodeURIComponent(agent.name)}`);
  await expect(page.getByRole('link', { name: tool.name })).toHaveCount(1);

  await page.goto(`/drafts?agent=${encodeURIComponent(agent.name)}`);
  await expect(
    page.getByRole('row').filter({ hasText: 'Promoted' }).getByRole('link', { name: 'Open the queued action' }),
  ).toHaveAttribute('href', `/actions/${promoted.id}`);
  expect(await db().action.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ draftFate: null });
});

test('discarding a draft asks first; Cancel keeps it', async ({ page, baseURL }, testInfo) => {
  const { first, owner } = await twoDrafts(baseURL!);
  await signIn(page, owner.email, owner.password);
  await page.goto(`/actions/${first}`);
  const panel = page.getByRole('region', { name: 'Draft' });
  const dialog = page.getByRole('alertdialog', { name: 'Discard this draft?' });

  await panel.getByRole('button', { name: 'Discard draft' }).click();
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('discard-dialog.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await db().action.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ draftFate: null });

  await panel.getByRole('button', { name: 'Discard draft' }).click();
  await dialog.getByRole('button', { name: 'Discard draft' }).click();
  await expect(panel).toContainText('Discarded');
  await expect(panel.getByRole('button', { name: 'Promote to review' })).toHaveCount(0);
  expect(await db().action.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ draftFate: 'discarded' });
});

test('phone: the Drafts page and a draft card at 390x844', async ({ page, baseURL }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { agent, first } = await twoDrafts(baseURL!);
  const reviewer = await createTestUser(['reviewer']);
  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/drafts?agent=${encodeURIComponent(agent.name)}`);
  await expect(page.getByRole('table', { name: 'Drafts' }).getByRole('row')).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('drafts-page-phone.png'), fullPage: true });
  await page.goto(`/actions/${first}`);
  await expect(
    page.getByRole('region', { name: 'Draft' }).getByRole('button', { name: 'Promote to review' }),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('draft-card-phone.png'), fullPage: true });
});
