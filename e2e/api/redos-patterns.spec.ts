import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { SETUP, uniqueName } from '../fixtures/factories';
import { refund, seedGrantedAgent } from '../fixtures/gate-factories';
import { appModule } from '../fixtures/app-module';

const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');
const { createTool } = appModule<typeof import('@/lib/tools/create-tool')>('@/lib/tools/create-tool');
const { updateGrant } = appModule<typeof import('@/lib/grants/update-grant')>('@/lib/grants/update-grant');

// Issue 12, item 9: owner-written patterns run on agents' values in linear time (RE2). With a backtracking engine
// `(\w+\s?)+` against 29+ word characters and a non-matching end takes seconds to forever, stalling every request.
const CATASTROPHIC = '(\\w+\\s?)+';
const EVIL_VALUE = `${'a'.repeat(40)}!`;

test('a catastrophic grant pattern answers a 41-character value at once, and the server keeps serving', async ({
  baseURL,
}) => {
  const { tool, key } = await seedGrantedAgent({
    constraints: [{ kind: 'pattern', param: 'orderId', pattern: CATASTROPHIC, effect: 'block' }],
  });
  const agent = agentClient(baseURL!, key);
  const [reply, health] = await Promise.all([
    agent.propose({ tool: tool.name, params: refund(20, EVIL_VALUE) }),
    fetch(`${baseURL}/api/v1/health`, { signal: AbortSignal.timeout(10_000) }),
  ]);
  expect(reply.body).toMatchObject({
    status: 'blocked',
    decision: { reasons: [`blocked: orderId "${EVIL_VALUE}" does not match ${CATASTROPHIC}`] },
  });
  expect(health.status).toBe(200);
  expect((await agent.propose({ tool: tool.name, params: refund(20, 'two words') })).body.status).toBe('approved');
});

test("a tool schema's catastrophic pattern refuses a 41-character value at once (422 naming it)", async ({
  baseURL,
}) => {
  const { agent, tool, key } = await seedGrantedAgent();
  const patterned = await createTool(SETUP, {
    name: uniqueName('patterned').replaceAll('-', '_'),
    description: 'a schema pattern (ReDoS spec)',
    actionLevel: 'read',
    parameters: { type: 'object', properties: { note: { type: 'string', pattern: `^${CATASTROPHIC}$` } } },
  });
  await grantTool(SETUP, { agent: { id: agent.id }, tool: patterned.name, approvalRequired: false });
  const client = agentClient(baseURL!, key);
  const reply = await client.propose({ tool: patterned.name, params: { note: EVIL_VALUE } });
  expect(reply.status).toBe(422);
  expect(reply.body.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'params.note' }] });
  expect((await client.propose({ tool: tool.name, params: refund(5) })).body.status).toBe('approved');
});

test('patterns RE2 cannot run (backreference, lookaround) are refused at save, naming the field', async () => {
  const { owner, grant } = await seedGrantedAgent();
  const saving = updateGrant(owner.actor, {
    grantId: grant.id,
    expectedVersion: 1,
    rules: {
      approvals: 0,
      constraints: [{ kind: 'pattern', param: 'orderId', pattern: '(ORD)-\\1', effect: 'block' }],
    },
  });
  await expect(saving).rejects.toMatchObject({
    issues: [
      expect.objectContaining({
        path: ['constraints', 0, 'pattern'],
        message: expect.stringContaining('backreferences and lookaround are not supported'),
      }),
    ],
  });

  const tool = createTool(SETUP, {
    name: uniqueName('lookahead').replaceAll('-', '_'),
    description: 'lookahead (ReDoS spec)',
    actionLevel: 'read',
    parameters: { type: 'object', properties: { code: { type: 'string', pattern: '^(?=A)\\w+$' } } },
  });
  await expect(tool).rejects.toMatchObject({
    code: 'invalid_input',
    details: { issues: [expect.objectContaining({ path: 'parameters.properties.code.pattern' })] },
  });
});
