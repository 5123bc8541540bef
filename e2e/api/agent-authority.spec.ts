import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import {
  createTestAgent,
  createTestAgentKey,
  createTestTool,
  grantTestTool,
  SETUP,
  TICKET_SCHEMA,
} from '../fixtures/factories';
import { appModule } from '../fixtures/app-module';

const { pauseAgent } = appModule<typeof import('@/lib/agents/set-agent-status')>('@/lib/agents/set-agent-status');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

test.describe('GET /api/v1/agent', () => {
  test('lists the granted, enabled tools with their schema and whether each needs approval', async ({ baseURL }) => {
    const agent = await createTestAgent({ mode: 'draft_only' });
    const reviewed = await createTestTool({ actionLevel: 'external' });
    const free = await createTestTool({ actionLevel: 'read', parameters: { type: 'object' } });
    const disabled = await createTestTool();
    const notGranted = await createTestTool();
    await grantTestTool(agent, reviewed, true);
    await grantTestTool(agent, free, false);
    await grantTestTool(agent, disabled, false);
    await db().tool.update({ where: { id: disabled.id }, data: { enabled: false } });
    const { key } = await createTestAgentKey(agent);

    const reply = await agentClient(baseURL!, key).authority();
    expect(reply.status).toBe(200);
    expect(reply.body.agent).toEqual({ id: agent.id, name: agent.name, status: 'active', mode: 'draft_only' });
    const tools = new Map(reply.body.tools.map((tool: { name: string }) => [tool.name, tool]));
    expect([...tools.keys()].sort()).toEqual([reviewed.name, free.name].sort());
    expect(tools.get(reviewed.name)).toEqual({
      name: reviewed.name,
      description: reviewed.description,
      actionLevel: 'external',
      parameters: TICKET_SCHEMA,
      approval: 'required',
    });
    expect(tools.get(free.name)).toMatchObject({
      actionLevel: 'read',
      parameters: { type: 'object' },
      approval: 'none',
    });
    expect(tools.has(notGranted.name)).toBe(false);
  });

  test('shows the agent as paused once it is paused', async ({ baseURL }) => {
    const agent = await createTestAgent();
    const { key } = await createTestAgentKey(agent);
    await pauseAgent(SETUP, { id: agent.id });
    const reply = await agentClient(baseURL!, key).authority();
    expect(reply.body).toMatchObject({ agent: { status: 'paused', mode: 'live' }, tools: [] });
  });
});
