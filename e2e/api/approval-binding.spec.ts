import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { actionStatusInDatabase, auditTypesOfAction } from '../fixtures/audit';
import { refund, seedGrantedAgent } from '../fixtures/gate-factories';

const claimWithBody = (agent: ReturnType<typeof agentClient>, id: string, body: unknown) =>
  agent.request('POST', `/api/v1/actions/${encodeURIComponent(id)}/claim`, JSON.stringify(body), {
    'content-type': 'application/json',
  });

test.describe('an approval is bound to the exact parameters', () => {
  test('a claim stating another paramsHash gets 409 params_mismatch; the action stays approved; the right hash claims it', async ({
    baseURL,
  }) => {
    const { tool, key } = await seedGrantedAgent({ approvals: 0 });
    const agent = agentClient(baseURL!, key);
    const { body: proposed } = await agent.propose({ tool: tool.name, params: refund(20) });
    expect(proposed.status).toBe('approved');

    const wrong = await claimWithBody(agent, proposed.id, { paramsHash: 'f'.repeat(64) });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error).toMatchObject({ code: 'conflict', status: 'approved', reason: 'params_mismatch' });
    expect(await actionStatusInDatabase(proposed.id)).toBe('approved');
    expect(await auditTypesOfAction(proposed.id)).toEqual(['action.proposed', 'gate.decided']);

    const malformed = await claimWithBody(agent, proposed.id, { paramsHash: 'not-a-hash' });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'paramsHash' }] });

    const { body: view } = await agent.getAction(proposed.id);
    expect(view.paramsHash).toMatch(/^[0-9a-f]{64}$/);
    const right = await claimWithBody(agent, proposed.id, { paramsHash: view.paramsHash });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ id: proposed.id, status: 'executing', paramsHash: view.paramsHash });
    expect((await auditTypesOfAction(proposed.id)).at(-1)).toBe('action.claimed');
  });

  test('the same parameters in another key order have the same hash; other parameters another one', async ({
    baseURL,
  }) => {
    const { tool, key } = await seedGrantedAgent({ approvals: 0 });
    const agent = agentClient(baseURL!, key);
    const a = (await agent.propose({ tool: tool.name, params: { orderId: 'ORD-9', amount: 5 } })).body;
    const b = (await agent.propose({ tool: tool.name, params: { amount: 5, orderId: 'ORD-9' } })).body;
    const c = (await agent.propose({ tool: tool.name, params: { orderId: 'ORD-9', amount: 6 } })).body;
    const hash = async (id: string) => (await agent.getAction(id)).body.paramsHash;
    expect(await hash(b.id)).toBe(await hash(a.id));
    expect(await hash(c.id)).not.toBe(await hash(a.id));

    const crossed = await claimWithBody(agent, c.id, { paramsHash: await hash(a.id) });
    expect(crossed.status).toBe(409);
    expect(crossed.body.error.reason).toBe('params_mismatch');
  });
});
