import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { auditEventsOfAgent } from '../fixtures/audit';
import { createTestUser, seedAgentWithTool } from '../fixtures/factories';
import { appModule } from '../fixtures/app-module';

const { pauseAgent } = appModule<typeof import('@/lib/agents/set-agent-status')>('@/lib/agents/set-agent-status');

// The review rules themselves (who may approve or reject, quorum, races) are proven on both databases by
// lib/actions/approve-action.test.ts and reject-action.test.ts; what stays here is pausing, as the agent sees it.
test.describe('who may pause an agent', () => {
  test('a reviewer cannot pause an agent; its owner can', async ({ baseURL }) => {
    const { agent: agentRow, owner, key } = await seedAgentWithTool({ approvalRequired: true });
    const reviewer = await createTestUser(['reviewer']);
    const agent = agentClient(baseURL!, key);

    await expect(pauseAgent(reviewer.actor, { id: agentRow.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await agent.authority()).body.agent.status).toBe('active');

    await pauseAgent(owner.actor, { id: agentRow.id }, 'checking');
    expect((await agent.authority()).body.agent.status).toBe('paused');
    expect((await auditEventsOfAgent(agentRow.id)).at(-1)).toMatchObject({
      type: 'agent.paused',
      actorId: owner.id,
      payload: { reason: 'checking' },
    });
  });

  test("an owner cannot pause another owner's agent", async () => {
    const { agent } = await seedAgentWithTool();
    const otherOwner = await createTestUser(['owner']);
    await expect(pauseAgent(otherOwner.actor, { id: agent.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
