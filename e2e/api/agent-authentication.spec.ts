import { test, expect } from '../fixtures/test';
import { agentClient, type AgentClient } from '../fixtures/agent-client';
import { seedAgentWithTool, SETUP, VALID_TICKET } from '../fixtures/factories';
import { appModule } from '../fixtures/app-module';

const { createAgentKey } = appModule<typeof import('@/lib/agents/create-agent-key')>('@/lib/agents/create-agent-key');
const { revokeAgentKey } = appModule<typeof import('@/lib/agents/revoke-agent-key')>('@/lib/agents/revoke-agent-key');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

/** Every agent-API endpoint, called as `client` against an action that exists. */
function everyEndpoint(client: AgentClient, actionId: string, tool: string) {
  return {
    'POST /api/v1/actions': () => client.propose({ tool, params: VALID_TICKET }),
    'GET /api/v1/actions/{id}': () => client.getAction(actionId),
    'POST /api/v1/actions/{id}/claim': () => client.claim(actionId),
    'POST /api/v1/actions/{id}/result': () => client.reportResult(actionId, { ok: true }),
    'GET /api/v1/agent': () => client.authority(),
  };
}

async function expectAllUnauthenticated(client: AgentClient, actionId: string, tool: string) {
  for (const [endpoint, call] of Object.entries(everyEndpoint(client, actionId, tool))) {
    const reply = await call();
    expect(reply.status, endpoint).toBe(401);
    expect(reply.body.error.code, endpoint).toBe('unauthenticated');
  }
}

test.describe('agent keys', () => {
  test('no key, an unknown key and a malformed key all get 401 on every endpoint', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const { body } = await agentClient(baseURL!, key).propose({ tool: tool.name, params: VALID_TICKET });

    await expectAllUnauthenticated(agentClient(baseURL!, null), body.id, tool.name);
    await expectAllUnauthenticated(agentClient(baseURL!, `wdn_${'A'.repeat(43)}`), body.id, tool.name);
    await expectAllUnauthenticated(agentClient(baseURL!, key.replace('wdn_', 'sk_')), body.id, tool.name);
  });

  test('a bad key proposing is a 401 whatever the body: oversized, not JSON, malformed or valid', async ({
    baseURL,
  }) => {
    const { agent: agentRow, key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const { key: revoked, keyId: revokedId } = await createAgentKey(SETUP, { id: agentRow.id });
    await revokeAgentKey(SETUP, revokedId);
    const bodies = {
      'over the limit': JSON.stringify({ tool: tool.name, params: { text: 'x'.repeat(300 * 1024) } }),
      'not JSON': '{"tool": ',
      'not a proposal': JSON.stringify({ tool: 42 }),
      'a valid proposal': JSON.stringify({ tool: tool.name, params: VALID_TICKET }),
    };
    for (const badKey of [`wdn_${'A'.repeat(43)}`, revoked, key.replace('wdn_', 'sk_')]) {
      for (const [kind, body] of Object.entries(bodies)) {
        const reply = await agentClient(baseURL!, badKey).proposeRaw(body);
        expect(reply.status, kind).toBe(401);
        expect(reply.body.error.code, kind).toBe('unauthenticated');
      }
    }
    expect(await db().action.count({ where: { agentId: agentRow.id } }), 'nothing proposed').toBe(0);
    // The same bodies with the good key get their own answers: the key is checked first, not instead.
    const good = agentClient(baseURL!, key);
    expect((await good.proposeRaw(bodies['over the limit'])).status).toBe(413);
    expect((await good.proposeRaw(bodies['not JSON'])).status).toBe(422);
    expect((await good.proposeRaw(bodies['not a proposal'])).status).toBe(422);
    expect((await good.proposeRaw(bodies['a valid proposal'])).status).toBe(201);
  });

  test('a revoked key is refused on its very next request', async ({ baseURL }) => {
    const { agent: agentRow, key, keyId, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);
    const { body } = await agent.propose({ tool: tool.name, params: VALID_TICKET });
    expect((await agent.authority()).status).toBe(200);

    await revokeAgentKey(SETUP, keyId);
    await expectAllUnauthenticated(agent, body.id, tool.name);
    expect(
      await db().action.count({ where: { agentId: agentRow.id } }),
      'only the proposal made before revocation',
    ).toBe(1);
  });

  test('another key of the same agent keeps working after one is revoked', async ({ baseURL }) => {
    const { agent, keyId, tool } = await seedAgentWithTool({ approvalRequired: false });
    const { key: secondKey } = await createAgentKey(SETUP, { id: agent.id });
    await revokeAgentKey(SETUP, keyId);
    const reply = await agentClient(baseURL!, secondKey).propose({ tool: tool.name, params: VALID_TICKET });
    expect(reply.status).toBe(201);
  });
});
