import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { actionStatusInDatabase, auditEventsOfAction } from '../fixtures/audit';
import { createTestUser, seedAgentWithTool, SETUP } from '../fixtures/factories';
import { executingAction, proposeTicket } from '../fixtures/scenarios';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { pauseAgent, resumeAgent } = appModule<typeof import('@/lib/agents/set-agent-status')>(
  '@/lib/agents/set-agent-status',
);
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

test.describe('POST /api/v1/actions/{id}/claim', () => {
  test('an approved action is claimed: it becomes executing and the claim is audited', async ({ baseURL }) => {
    const { agent: agentRow, key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);
    const id = await proposeTicket(agent, tool, 'approved');

    const reply = await agent.claim(id);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id, status: 'executing' });
    const events = await auditEventsOfAction(id);
    expect(events.at(-1)).toMatchObject({ type: 'action.claimed', actorType: 'agent', actorId: agentRow.id });
  });

  test('an action still pending review cannot be claimed (409 with its status)', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const agent = agentClient(baseURL!, key);
    const id = await proposeTicket(agent, tool, 'pending_review');

    const reply = await agent.claim(id);
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'conflict', status: 'pending_review' });
    expect(await actionStatusInDatabase(id)).toBe('pending_review');
  });

  test('a rejected, a draft and a blocked action cannot be claimed', async ({ baseURL }) => {
    const reviewed = await seedAgentWithTool({ approvalRequired: true });
    const reviewer = await createTestUser(['reviewer']);
    const reviewedAgent = agentClient(baseURL!, reviewed.key);
    const rejected = await proposeTicket(reviewedAgent, reviewed.tool, 'pending_review');
    await rejectAction(reviewer.actor, { actionId: rejected, comment: 'no' });
    const blocked = (await reviewedAgent.propose({ tool: 'no_such_tool', params: {} })).body.id;

    const drafting = await seedAgentWithTool({ mode: 'draft_only', actionLevel: 'update' });
    const draftAgent = agentClient(baseURL!, drafting.key);
    const draft = await proposeTicket(draftAgent, drafting.tool, 'draft');

    for (const [agent, id, status] of [
      [reviewedAgent, rejected, 'rejected'],
      [reviewedAgent, blocked, 'blocked'],
      [draftAgent, draft, 'draft'],
    ] as const) {
      const reply = await agent.claim(id);
      expect(reply.status, status).toBe(409);
      expect(reply.body.error.status).toBe(status);
    }
  });

  test('an action is claimed once: a second claim gets 409 executing', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);
    const id = await executingAction(agent, tool);

    const again = await agent.claim(id);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'conflict', status: 'executing' });
  });

  test('of two claims sent at once, exactly one wins', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);
    const id = await proposeTicket(agent, tool, 'approved');

    const replies = await Promise.all([agent.claim(id), agent.claim(id)]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    expect((await auditEventsOfAction(id)).filter((event) => event.type === 'action.claimed')).toHaveLength(1);
  });

  test('an approved action of an agent paused since is blocked at claim, for good', async ({ baseURL }) => {
    const { agent: agentRow, key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const reviewer = await createTestUser(['reviewer']);
    const agent = agentClient(baseURL!, key);
    const id = await proposeTicket(agent, tool, 'pending_review');
    await approveAction(reviewer.actor, { actionId: id });
    await pauseAgent(SETUP, { id: agentRow.id });

    const reply = await agent.claim(id);
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({
      code: 'conflict',
      status: 'blocked',
      reasons: expect.arrayContaining([expect.stringContaining('agent is paused')]),
    });
    expect((await auditEventsOfAction(id)).at(-1)).toMatchObject({
      type: 'action.claim_blocked',
      payload: { reasons: expect.arrayContaining([expect.stringContaining('agent is paused')]) },
    });

    await resumeAgent(SETUP, { id: agentRow.id });
    const afterResume = await agent.claim(id);
    expect(afterResume.status).toBe(409);
    expect(afterResume.body.error.status).toBe('blocked');
    expect(await actionStatusInDatabase(id)).toBe('blocked');
  });

  test('a tool disabled since approval blocks the claim', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);
    const id = await proposeTicket(agent, tool, 'approved');
    await db().tool.update({ where: { id: tool.id }, data: { enabled: false } });

    const reply = await agent.claim(id);
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({
      status: 'blocked',
      reasons: expect.arrayContaining([expect.stringContaining(`tool ${tool.name} is disabled`)]),
    });
  });

  test('an unknown action id gets 404', async ({ baseURL }) => {
    const { key } = await seedAgentWithTool();
    expect((await agentClient(baseURL!, key).claim('no-such-action')).status).toBe(404);
  });
});
