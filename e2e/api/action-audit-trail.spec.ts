import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { auditEventsOfAction } from '../fixtures/audit';
import { createTestUser, seedAgentWithTool } from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');

test.describe('every transition writes its audit event', () => {
  test('proposed → approved by a reviewer → claimed → succeeded', async ({ baseURL }) => {
    const { agent: agentRow, key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const reviewer = await createTestUser(['reviewer']);
    const agent = agentClient(baseURL!, key);
    const id = await proposeTicket(agent, tool, 'pending_review');
    await approveAction(reviewer.actor, { actionId: id, comment: 'looks right' });
    expect((await agent.claim(id)).status).toBe(200);
    expect((await agent.reportResult(id, { ok: true, downstreamRef: 'ref-1' })).status).toBe(200);

    const trail = (await auditEventsOfAction(id)).map((e) => ({
      type: e.type,
      actorType: e.actorType,
      actorId: e.actorId,
      agentId: e.agentId,
    }));
    const byAgent = { actorType: 'agent', actorId: agentRow.id, agentId: agentRow.id };
    expect(trail).toEqual([
      { type: 'action.proposed', ...byAgent },
      { type: 'gate.decided', ...byAgent },
      { type: 'action.approved', actorType: 'user', actorId: reviewer.id, agentId: agentRow.id },
      { type: 'action.claimed', ...byAgent },
      { type: 'action.succeeded', ...byAgent },
    ]);
    const events = await auditEventsOfAction(id);
    expect(events[2].payload).toEqual({ comment: 'looks right' });
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
  });

  test('proposed → rejected by a reviewer', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const reviewer = await createTestUser(['admin']);
    const agent = agentClient(baseURL!, key);
    const id = await proposeTicket(agent, tool, 'pending_review');
    await rejectAction(reviewer.actor, { actionId: id, comment: 'not today' });

    const events = await auditEventsOfAction(id);
    expect(events.map((e) => e.type)).toEqual(['action.proposed', 'gate.decided', 'action.rejected']);
    expect(events[2]).toMatchObject({ actorType: 'user', actorId: reviewer.id, payload: { comment: 'not today' } });
    expect((await agent.getAction(id)).body).toMatchObject({
      status: 'rejected',
      decision: { decidedBy: reviewer.name, reason: 'not today' },
    });
  });

  test('approved by the gate → claimed → failed', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);
    const id = await proposeTicket(agent, tool, 'approved');
    await agent.claim(id);
    await agent.reportResult(id, { ok: false, error: 'timeout' });

    const events = await auditEventsOfAction(id);
    expect(events.map((e) => e.type)).toEqual(['action.proposed', 'gate.decided', 'action.claimed', 'action.failed']);
    expect(events[3].payload).toEqual({ error: 'timeout', downstreamRef: null });
  });
});
