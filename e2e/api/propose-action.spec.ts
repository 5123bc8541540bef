import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { auditEventsOfAction, auditEventsOfAgent } from '../fixtures/audit';
import { createTestTool, seedAgentWithTool, SETUP, VALID_TICKET } from '../fixtures/factories';
import { appModule } from '../fixtures/app-module';

const { pauseAgent } = appModule<typeof import('@/lib/agents/set-agent-status')>('@/lib/agents/set-agent-status');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

test.describe('POST /api/v1/actions: the gate decides', () => {
  test('a grant without approval is approved at once, and the proposal is audited', async ({ baseURL }) => {
    const { agent, tool, key } = await seedAgentWithTool({ approvalRequired: false });
    const reply = await agentClient(baseURL!, key).propose({
      tool: tool.name,
      params: VALID_TICKET,
      traceId: 'trace-approved-1',
    });

    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'approved', decision: { outcome: 'approved' } });
    expect(reply.body.decision.reasons).toEqual([expect.stringContaining(`granted ${tool.name} without approval`)]);
    const events = await auditEventsOfAction(reply.body.id);
    expect(events.map((e) => [e.type, e.actorType, e.actorId])).toEqual([
      ['action.proposed', 'agent', agent.id],
      ['gate.decided', 'agent', agent.id],
    ]);
    expect(events[0].payload).toMatchObject({ tool: tool.name, traceId: 'trace-approved-1' });
    expect(events[1].payload).toEqual({ outcome: 'approved', reasons: reply.body.decision.reasons });
  });

  test('a grant that requires approval waits for review, keeping params, reason, sources and requester', async ({
    baseURL,
  }) => {
    const { tool, key } = await seedAgentWithTool({ approvalRequired: true });
    const agent = agentClient(baseURL!, key);
    const proposal = {
      tool: tool.name,
      params: { title: 'Refund', priority: 1, assignee: { email: 'ops@example.com' } },
      reason: 'customer asked twice',
      sources: [{ title: 'Ticket #1042', url: 'https://support.example.com/t/1042', excerpt: 'please refund' }],
      requester: 'customer@example.com',
    };
    const reply = await agent.propose(proposal);

    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'pending_review',
      decision: {
        outcome: 'pending_review',
        reasons: expect.arrayContaining([expect.stringContaining('requires approval')]),
      },
    });
    const stored = await agent.getAction(reply.body.id);
    expect(stored.body).toMatchObject({ status: 'pending_review', ...proposal });
    expect(stored.body.traceId).toMatch(/^tr_/);
    expect((await auditEventsOfAction(reply.body.id)).map((e) => e.type)).toEqual(['action.proposed', 'gate.decided']);
  });

  test('an agent in draft-only mode gets a draft for a write-level tool', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({
      mode: 'draft_only',
      actionLevel: 'create',
      approvalRequired: false,
    });
    const reply = await agentClient(baseURL!, key).propose({ tool: tool.name, params: VALID_TICKET });

    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'draft', decision: { outcome: 'draft' } });
    expect(reply.body.decision.reasons[0]).toContain('draft-only');
    expect((await auditEventsOfAction(reply.body.id)).map((e) => e.type)).toEqual(['action.proposed', 'gate.decided']);
  });

  test('draft-only mode leaves a read-level tool to its grant', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ mode: 'draft_only', actionLevel: 'read', approvalRequired: false });
    const reply = await agentClient(baseURL!, key).propose({ tool: tool.name, params: VALID_TICKET });
    expect(reply.body).toMatchObject({ status: 'approved' });
  });

  test('a paused agent is blocked', async ({ baseURL }) => {
    const { agent, key, tool } = await seedAgentWithTool({ approvalRequired: false });
    await pauseAgent(SETUP, { id: agent.id });
    const reply = await agentClient(baseURL!, key).propose({ tool: tool.name, params: VALID_TICKET });

    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'blocked',
      decision: { outcome: 'blocked', reasons: expect.arrayContaining([expect.stringContaining('agent is paused')]) },
    });
    const events = await auditEventsOfAction(reply.body.id);
    expect(events.map((e) => e.type)).toEqual(['action.proposed', 'gate.decided']);
    expect(events[1].payload).toMatchObject({ outcome: 'blocked' });
  });

  test('an unknown tool is blocked, and the name the agent asked for is kept', async ({ baseURL }) => {
    const { key } = await seedAgentWithTool();
    const agent = agentClient(baseURL!, key);
    const reply = await agent.propose({ tool: 'no_such_tool_anywhere', params: {} });

    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: expect.arrayContaining([expect.stringContaining('tool does not exist')]) },
    });
    expect((await agent.getAction(reply.body.id)).body).toMatchObject({
      tool: 'no_such_tool_anywhere',
      status: 'blocked',
    });
  });

  test('an existing tool the agent holds no grant for is blocked', async ({ baseURL }) => {
    const { key } = await seedAgentWithTool();
    const other = await createTestTool();
    const reply = await agentClient(baseURL!, key).propose({ tool: other.name, params: VALID_TICKET });

    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'blocked',
      decision: {
        reasons: expect.arrayContaining([expect.stringContaining(`tool ${other.name} is not granted to this agent`)]),
      },
    });
  });

  test('a disabled tool is blocked even with a grant', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
    await db().tool.update({ where: { id: tool.id }, data: { enabled: false } });
    const reply = await agentClient(baseURL!, key).propose({ tool: tool.name, params: VALID_TICKET });
    expect(reply.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: expect.arrayContaining([expect.stringContaining(`tool ${tool.name} is disabled`)]) },
    });
  });
});

test.describe('POST /api/v1/actions: invalid input', () => {
  test('params that break the tool schema get 422 with field paths, an audit event and no action', async ({
    baseURL,
  }) => {
    const { agent, key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const reply = await agentClient(baseURL!, key).propose({
      tool: tool.name,
      params: { priority: 9, assignee: { email: 'not-an-email' } },
    });

    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('invalid_input');
    const paths = reply.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['params.title', 'params.priority', 'params.assignee.email']));
    expect(reply.body.error.message).toContain('params.title');

    const events = await auditEventsOfAgent(agent.id);
    const refusal = events.find((e) => e.type === 'action.params_invalid');
    expect(refusal).toMatchObject({
      actorType: 'agent',
      actorId: agent.id,
      actionId: null,
      payload: { tool: tool.name },
    });
    expect(await db().action.count({ where: { agentId: agent.id } })).toBe(0);
  });

  test('a body that is not JSON gets 422 naming the body', async ({ baseURL }) => {
    const { key } = await seedAgentWithTool();
    const reply = await agentClient(baseURL!, key).proposeRaw('{"tool": "x", params: ');
    expect(reply.status).toBe(422);
    expect(reply.body.error).toMatchObject({ code: 'invalid_input', issues: [{ path: '(body)' }] });
  });

  test('a body of the wrong shape gets 422 with the path of every bad field', async ({ baseURL }) => {
    const { key } = await seedAgentWithTool();
    const reply = await agentClient(baseURL!, key).propose({
      tool: '',
      params: ['not', 'an', 'object'],
      sources: [{ title: '', url: 'ftp://files.example.com/x' }],
    });
    expect(reply.status).toBe(422);
    const paths = reply.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['tool', 'params', 'sources.0.title', 'sources.0.url']));
  });
});
