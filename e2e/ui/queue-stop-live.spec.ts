import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, SETUP, seedAgentWithTool } from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { engageSwitch } = appModule<typeof import('@/lib/kill-switches/engage-switch')>(
  '@/lib/kill-switches/engage-switch',
);
const { releaseSwitch } = appModule<typeof import('@/lib/kill-switches/release-switch')>(
  '@/lib/kill-switches/release-switch',
);

// The open queue follows a stop as it follows decisions: a block engaged while a reviewer has the queue open marks
// the agent's waiting rows "frozen by the stop" without a reload, and the release takes the mark away. An
// agent-scoped block only: a global one would stop the other specs' agents on this shared server.
test('an open queue shows a stop freezing its rows, and the release, without a reload', async ({ page, baseURL }) => {
  const reviewer = await createTestUser(['reviewer']);
  const { agent, key, tool } = await seedAgentWithTool({ approvalRequired: true, actionLevel: 'update' });
  await proposeTicket(agentClient(baseURL!, key), tool, 'pending_review');

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/queue?agent=${encodeURIComponent(agent.name)}`);
  const row = page.getByRole('row').filter({ hasText: tool.name }).first();
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('frozen by the stop');

  const { id } = await engageSwitch(SETUP, {
    scope: 'agent',
    agent: agent.id,
    effect: 'block',
    reason: 'Live queue and the stop',
  });
  await expect(row).toContainText('frozen by the stop');

  await releaseSwitch({ type: 'cli', id: 'e2e' }, { id, reason: 'over' });
  await expect(row).not.toContainText('frozen by the stop');
});
