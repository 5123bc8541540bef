import { test, expect } from '../fixtures/test';
import { createTestUser, SETUP, uniqueName } from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';
import type { AuditEventInput } from '@/lib/audit/record-audit-event';

const { createAgent } = appModule<typeof import('@/lib/agents/create-agent')>('@/lib/agents/create-agent');
const { recordAuditEvent } = appModule<typeof import('@/lib/audit/record-audit-event')>(
  '@/lib/audit/record-audit-event',
);
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

// The audit log is sealed: a row recorded in an older shape is never rewritten. The Audit page shows it as recorded,
// flagged, beside the rows that parse (lib/audit/read-audit-payload.ts).
test('a payload in an older shape shows raw and flagged on the Audit page', async ({ page }) => {
  const owner = await createTestUser(['owner'], 'Legacy Owner');
  const reviewer = await createTestUser(['reviewer'], 'Legacy Reviewer');
  const agent = await createAgent(SETUP, {
    name: uniqueName('legacy'),
    purpose: 'audit rows in older shapes',
    ownerId: owner.id,
    mode: 'live',
  });
  // Written through the normal recording path; the cast stands in for the older code that wrote these shapes.
  const legacy = [
    { actor: SETUP, agentId: agent.id, type: 'agent.mode_changed', payload: { mode: 'draft_only' } },
    { actor: SETUP, agentId: agent.id, type: 'agent.legacy_note', payload: { note: 'kept as written' } },
  ] as unknown as AuditEventInput[];
  for (const event of legacy) await db().$transaction((tx) => recordAuditEvent(tx, event));

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/audit?agent=${agent.id}`);
  await expect(page.getByRole('status').filter({ hasText: /^3 events$/ })).toBeVisible();
  const flagged = page.getByText('Unrecognised payload, shown as recorded');
  await expect(flagged).toHaveCount(2);
  const changed = page.getByRole('row').filter({ hasText: 'Agent mode changed' });
  await expect(changed).toContainText('{"mode":"draft_only"}');
  await expect(changed.getByText('Unrecognised payload, shown as recorded')).toHaveAttribute('title', /from/);
  await expect(page.getByRole('row').filter({ hasText: 'agent.legacy_note' })).toContainText(
    '{"note":"kept as written"}',
  );
  // The payload that parses reads as a summary, unflagged.
  await expect(page.getByRole('row').filter({ hasText: 'Agent created' })).not.toContainText('Unrecognised');
  await page.screenshot({ path: test.info().outputPath('audit-unparsed-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // The table scrolls sideways on a phone, as the log always has: the flag comes into view with its row.
  await flagged.first().scrollIntoViewIfNeeded();
  await expect(flagged.first()).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('audit-unparsed-phone.png') });
});
