import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, seedAgentWithTool, VALID_TICKET } from '../fixtures/factories';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');

test.describe('GET /api/v1/actions/{id}', () => {
  test('an agent reads its own action', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const agent = agentClient(baseURL!, key);
    const { body: proposed } = await agent.propose({ tool: tool.name, params: VALID_TICKET, reason: 'because' });

    const reply = await agent.getAction(proposed.id);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: proposed.id,
      status: 'pending_review',
      tool: tool.name,
      params: VALID_TICKET,
      reason: 'because',
      sources: [],
      decision: { decidedBy: null, decidedAt: null },
      result: null,
    });
  });

  test("another agent's action is indistinguishable from a missing one (404)", async ({ baseURL }) => {
    const mine = await seedAgentWithTool({ approvalRequired: true });
    const theirs = await seedAgentWithTool({ approvalRequired: true });
    const { body: proposed } = await agentClient(baseURL!, theirs.key).propose({
      tool: theirs.tool.name,
      params: VALID_TICKET,
    });

    const me = agentClient(baseURL!, mine.key);
    const foreign = await me.getAction(proposed.id);
    const missing = await me.getAction('00000000-0000-0000-0000-000000000000');
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect((await me.claim(proposed.id)).status).toBe(404);
    expect((await me.reportResult(proposed.id, { ok: true })).status).toBe(404);
  });

  test('wait holds while the action is pending and returns it once a reviewer approves', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
    const agent = agentClient(baseURL!, key);
    const { body: proposed } = await agent.propose({ tool: tool.name, params: VALID_TICKET });

    let answered = false;
    const longPoll = agent.waitForDecision(proposed.id, 30).finally(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answered, 'the long-poll must still be holding while the action is pending').toBe(false);

    await approveAction(reviewer.actor, { actionId: proposed.id, comment: 'fine' });
    const reply = await longPoll;
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'approved', decision: { decidedBy: reviewer.name, reason: 'fine' } });
  });

  test('wait gives back the still-pending action when nobody decides in time', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const agent = agentClient(baseURL!, key);
    const { body: proposed } = await agent.propose({ tool: tool.name, params: VALID_TICKET });

    const reply = await agent.waitForDecision(proposed.id, 1);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: proposed.id, status: 'pending_review' });
  });

  test('wait on an action that is already decided answers at once with it', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);
    const { body: proposed } = await agent.propose({ tool: tool.name, params: VALID_TICKET });
    expect((await agent.waitForDecision(proposed.id, 60)).body).toMatchObject({ status: 'approved' });
  });

  for (const wait of ['61', '-1', 'soon', '1.5']) {
    test(`wait=${wait} is refused with 422`, async ({ baseURL }) => {
      const { key, tool } = await seedAgentWithTool({ approvalRequired: true });
      const agent = agentClient(baseURL!, key);
      const { body: proposed } = await agent.propose({ tool: tool.name, params: VALID_TICKET });

      const reply = await agent.getAction(proposed.id, `?wait=${wait}`);
      expect(reply.status).toBe(422);
      expect(reply.body.error.code).toBe('invalid_input');
      expect(reply.body.error.issues.map((issue: { path: string }) => issue.path)).toContain('wait');
    });
  }
});
