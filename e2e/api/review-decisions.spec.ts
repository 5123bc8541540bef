import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { actionStatusInDatabase, auditEventsOfAction, auditEventsOfAgent } from '../fixtures/audit';
import { createTestUser, seedAgentWithTool, VALID_TICKET } from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { pauseAgent } = appModule<typeof import('@/lib/agents/set-agent-status')>('@/lib/agents/set-agent-status');

test.describe('review decisions (console domain functions)', () => {
  test('of two reviewers approving at once, exactly one decides; the other is told who did', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const ann = await createTestUser(['reviewer'], 'Ann Reviewer');
    const bob = await createTestUser(['reviewer'], 'Bob Reviewer');
    const agent = agentClient(baseURL!, key);
    const id = await proposeTicket(agent, tool, 'pending_review');

    const outcomes = await Promise.allSettled([
      approveAction(ann.actor, { actionId: id, comment: 'ann says yes' }),
      approveAction(bob.actor, { actionId: id, comment: 'bob says yes' }),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);

    const winner = outcomes[0].status === 'fulfilled' ? ann : bob;
    expect(lost[0].reason).toMatchObject({
      code: 'conflict',
      details: { status: 'approved', decidedBy: winner.email },
    });
    expect(lost[0].reason.message).toContain(`already decided by ${winner.name} (${winner.email})`);
    const approvals = (await auditEventsOfAction(id)).filter((event) => event.type === 'action.approved');
    expect(approvals).toHaveLength(1);
    expect(approvals[0].actorId).toBe(winner.id);
    expect((await agent.getAction(id)).body).toMatchObject({
      status: 'approved',
      decision: { decidedBy: winner.name },
    });
  });

  test('approving after a rejection is refused with who rejected it', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const ann = await createTestUser(['reviewer'], 'Ann Reviewer');
    const bob = await createTestUser(['admin'], 'Bob Admin');
    const id = await proposeTicket(agentClient(baseURL!, key), tool, 'pending_review');

    await rejectAction(ann.actor, { actionId: id, comment: 'too risky' });
    await expect(approveAction(bob.actor, { actionId: id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`already decided by ${ann.name}`),
    });
    expect(await actionStatusInDatabase(id)).toBe('rejected');
    expect((await auditEventsOfAction(id)).map((event) => event.type)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.rejected',
    ]);
  });

  test('a reviewer cannot approve an action requested on their own behalf, but another reviewer can', async ({
    baseURL,
  }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const requester = await createTestUser(['reviewer'], 'Self Requester');
    const colleague = await createTestUser(['reviewer'], 'Colleague');
    const reply = await agentClient(baseURL!, key).propose({
      tool: tool.name,
      params: VALID_TICKET,
      requester: requester.email.toUpperCase(),
    });

    await expect(approveAction(requester.actor, { actionId: reply.body.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await actionStatusInDatabase(reply.body.id)).toBe('pending_review');
    await approveAction(colleague.actor, { actionId: reply.body.id });
    expect(await actionStatusInDatabase(reply.body.id)).toBe('approved');
  });

  test('a viewer can neither approve nor reject', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const viewer = await createTestUser(['viewer']);
    const id = await proposeTicket(agentClient(baseURL!, key), tool, 'pending_review');

    await expect(approveAction(viewer.actor, { actionId: id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rejectAction(viewer.actor, { actionId: id })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await actionStatusInDatabase(id)).toBe('pending_review');
    expect((await auditEventsOfAction(id)).map((event) => event.type)).toEqual(['action.proposed', 'gate.decided']);
  });

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

  test('an agent cannot decide its own action', async ({ baseURL }) => {
    const { agent: agentRow, key, keyId, tool } = await seedAgentWithTool({ approvalRequired: true });
    const id = await proposeTicket(agentClient(baseURL!, key), tool, 'pending_review');
    const asAgent = { type: 'agent' as const, id: agentRow.id, name: agentRow.name, keyId };
    await expect(approveAction(asAgent, { actionId: id })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await actionStatusInDatabase(id)).toBe('pending_review');
  });
});
