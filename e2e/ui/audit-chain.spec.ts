import { test, expect } from '../fixtures/test';
import { createTestAgent, createTestUser } from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';
import { lib } from '../fixtures/warden-lib';

/** The newest audit event of an agent, and whether the server's sealer has chained it yet. */
async function agentCreatedEvent(agentId: string) {
  return lib.db().db().auditEvent.findFirstOrThrow({ where: { agentId, type: 'agent.created' }, select: { seq: true, chainIndex: true } });
}

test('the Audit page shows the chain verified up to an event; an admin verifies now, a viewer only reads', async ({ page }) => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const viewer = await createTestUser(['viewer'], 'Vic Viewer');
  const agent = await createTestAgent();
  // The running server seals what this process committed: no request to it is needed.
  await expect.poll(async () => (await agentCreatedEvent(agent.id)).chainIndex).not.toBeNull();
  const { seq } = await agentCreatedEvent(agent.id);

  await test.step('an admin: "Verify now" records a verification that covers the new event', async () => {
    await signIn(page, admin.email, admin.password);
    await page.goto('/audit');
    const status = page.getByRole('region', { name: /^Chain / });
    await expect(status).toBeVisible();
    await page.getByRole('button', { name: 'Verify now' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Verified \d+ events\.$/ })).toBeVisible();
    const heading = status.getByRole('heading', { name: /^Chain verified up to event #\d+$/ });
    await expect(heading).toBeVisible();
    expect(Number((await heading.textContent())!.match(/#(\d+)/)![1])).toBeGreaterThanOrEqual(seq);
    await page.screenshot({ path: test.info().outputPath('audit-chain-desktop.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(heading).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('audit-chain-phone.png'), fullPage: false });
  });

  await test.step('a recorded failure names the first bad event; verifying again (the chain is intact) clears it', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // As a failing check records it (lib/audit/chain/record-audit-verification.ts); the tamper trials prove the verifier.
    await lib.db().db().auditVerification.update({
      where: { id: 'last' },
      data: { ok: false, firstBadSeq: seq, verifiedThroughSeq: seq - 1, problem: 'its fields do not match its hash' },
    });
    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: `Chain broken at event #${seq}` })).toBeVisible();
    await expect(page.getByText('its fields do not match its hash.')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('audit-chain-broken.png'), fullPage: false });
    await page.getByRole('button', { name: 'Verify now' }).click();
    await expect(page.getByRole('heading', { name: /^Chain verified up to event #\d+$/ })).toBeVisible();
  });

  await test.step('a viewer sees the state but no button', async () => {
    await page.context().clearCookies();
    await signIn(page, viewer.email, viewer.password);
    await page.goto('/audit');
    await expect(page.getByRole('region', { name: /^Chain verified up to event #\d+$/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verify now' })).toHaveCount(0);
  });
});
