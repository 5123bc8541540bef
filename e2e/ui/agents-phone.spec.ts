import { test, expect } from '../fixtures/test';
import { createTestAgent, createTestUser, SETUP } from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { pauseAgent } = appModule<typeof import('@/lib/agents/set-agent-status')>('@/lib/agents/set-agent-status');

// On a phone the agents table scrolls sideways and its Status column starts off screen: the status is shown under
// each agent's name, so a paused agent is seen as paused at a glance.

test('at 390×844 each agent shows its status under its name', async ({ page }, testInfo) => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const [paused, active] = await Promise.all([createTestAgent(), createTestAgent()]);
  await pauseAgent(SETUP, { id: paused.id }, 'end-to-end test');

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, admin.email, admin.password);
  await page.goto('/agents');
  for (const [agent, status] of [
    [paused, 'Paused'],
    [active, 'Active'],
  ] as const) {
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: agent.name, exact: true }) });
    await row.getByRole('link', { name: agent.name, exact: true }).scrollIntoViewIfNeeded();
    await expect(row.getByText(status, { exact: true }).first()).toBeInViewport({ ratio: 1 });
  }
  await page.getByRole('link', { name: paused.name, exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('agents-phone.png') });
});
