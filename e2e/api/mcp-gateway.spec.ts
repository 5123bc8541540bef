import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { startDemoCrmServer, type DemoCrmServer } from '../../scripts/demo-mcp/crm-server';
import { createTestUser, SETUP } from '../fixtures/factories';
import { actionOf, answers, importDemoUpstream, mcpAgent, resultText } from '../fixtures/mcp-factories';
import { expect, test } from '../fixtures/test';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { editAndApproveAction } = appModule<typeof import('@/lib/actions/edit-and-approve-action')>(
  '@/lib/actions/edit-and-approve-action',
);
const { engageSwitch } = appModule<typeof import('@/lib/kill-switches/engage-switch')>(
  '@/lib/kill-switches/engage-switch',
);
const { refreshMcpServer } = appModule<typeof import('@/lib/mcp/refresh-mcp-server')>('@/lib/mcp/refresh-mcp-server');
const { reviewMcpToolChange } = appModule<typeof import('@/lib/mcp/review-mcp-tool-change')>(
  '@/lib/mcp/review-mcp-tool-change',
);

/**
 * The MCP gateway over real HTTP: the official SDK client against Warden's /api/mcp, Warden against the demo upstream
 * built on the official SDK (in this worker). Every outcome of tools/call, the review wait both ways, edit and
 * approve, a stop during a held call, a changed upstream schema held for review, and the upstream credential in no
 * answer. Decisions are taken through the reviewers' own domain functions; the server sees them within a second.
 */
const TOKEN = `upstream-e2e-token-${Math.random().toString(36).slice(2)}`;

let upstream: DemoCrmServer;
let tools: Record<string, string>;
let admin: Awaited<ReturnType<typeof createTestUser>>;
let serverId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  upstream = await startDemoCrmServer({ token: TOKEN });
  ({
    tools,
    admin,
    server: { id: serverId },
  } = await importDemoUpstream(upstream, TOKEN));
});
test.afterAll(() => upstream?.close());

const grantsA = {
  search_customers: { approvals: 0 },
  create_ticket: { approvals: 1 },
  email_customer: { approvals: 0 },
};

function call(client: Client, upstreamName: string, args: Record<string, unknown>, meta: Record<string, unknown> = {}) {
  return client.callTool({ name: tools[upstreamName], arguments: args, _meta: meta });
}

async function pendingActionOf(agentId: string): Promise<string> {
  let id = '';
  await expect
    .poll(async () => {
      const row = await db().action.findFirst({ where: { agentId, status: 'pending_review' } });
      id = row?.id ?? '';
      return id;
    })
    .not.toBe('');
  return id;
}

test('tools/list per agent: two agents, different grants, each sees its own', async ({ baseURL }) => {
  const a = await mcpAgent(baseURL!, tools, grantsA);
  const b = await mcpAgent(baseURL!, tools, { close_ticket: { approvals: 1 } });
  expect((await a.client.listTools()).tools.map((t) => t.name).sort()).toEqual(
    [tools.create_ticket, tools.email_customer, tools.search_customers].sort(),
  );
  const listB = await b.client.listTools();
  expect(listB.tools).toEqual([
    expect.objectContaining({ name: tools.close_ticket, inputSchema: expect.objectContaining({ type: 'object' }) }),
  ]);
  expect(answers.at(-1)).toContain('"cache-control","private, no-store"');
});

test('no agent key: 401 with WWW-Authenticate: Bearer', async ({ request }) => {
  const response = await request.post('/api/mcp', {
    data: { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} },
    headers: { Accept: 'application/json, text/event-stream' },
  });
  expect(response.status()).toBe(401);
  expect(response.headers()['www-authenticate']).toMatch(/^Bearer /);
});

test('approved: the upstream runs with Warden’s credential and its result comes back, recorded', async ({
  baseURL,
}) => {
  const a = await mcpAgent(baseURL!, tools, grantsA);
  const result = await call(a.client, 'search_customers', { query: 'globex' });
  expect(result.isError).toBeFalsy();
  expect(JSON.parse(resultText(result))).toEqual([{ id: 'CUS-2', name: 'Globex Ltd', email: 'it@globex.test' }]);
  expect(upstream.calls.at(-1)).toEqual({
    tool: 'search_customers',
    args: { query: 'globex' },
    authorization: `Bearer ${TOKEN}`,
  });
  const row = await db().action.findUniqueOrThrow({ where: { id: actionOf(result).id } });
  expect(row).toMatchObject({ status: 'succeeded', downstreamRef: expect.stringMatching(/^mcp:/) });
});

test('refused: ungranted tool (blocked, audited), invalid parameters; an upstream error reported as failed', async ({
  baseURL,
}) => {
  const a = await mcpAgent(baseURL!, tools, grantsA);
  const calls = upstream.calls.length;
  const ungranted = await call(a.client, 'close_ticket', { ticketId: 'TCK-1', resolution: 'done' });
  expect(ungranted.isError).toBe(true);
  expect(resultText(ungranted)).toMatch(/^Refused by Warden: .*not granted/i);
  const events = await db().auditEvent.findMany({
    where: { actionId: actionOf(ungranted).id },
    orderBy: { seq: 'asc' },
  });
  expect(events.map((e) => e.type)).toEqual(['action.proposed', 'gate.decided']);
  const invalid = await call(a.client, 'create_ticket', { customerId: 'CUS-1' });
  expect(invalid.isError).toBe(true);
  expect(resultText(invalid)).toMatch(/subject/);
  expect(upstream.calls.length).toBe(calls);
  const failed = await call(a.client, 'email_customer', { customerId: 'CUS-9', subject: 's', body: 'b' });
  expect(failed.isError).toBe(true);
  expect(resultText(failed)).toContain('No customer CUS-9');
});

test('review decided in time: the held call returns the upstream result', async ({ baseURL }) => {
  const a = await mcpAgent(baseURL!, tools, grantsA);
  const reviewer = await createTestUser(['reviewer']);
  const held = call(a.client, 'create_ticket', { customerId: 'CUS-1', subject: 'VPN down' }, { 'dev.warden/wait': 20 });
  await approveAction(reviewer.actor, { actionId: await pendingActionOf(a.agent.id) });
  const result = await held;
  expect(result.isError).toBeFalsy();
  expect(JSON.parse(resultText(result))).toMatchObject({ status: 'open' });
  expect(upstream.calls.at(-1)).toMatchObject({ tool: 'create_ticket', args: { subject: 'VPN down' } });
});

test('a client that asks for a task: working in review (with the link), completed once approved, tasks/result is the upstream result', async ({
  baseURL,
}) => {
  const a = await mcpAgent(baseURL!, tools, grantsA);
  const reviewer = await createTestUser(['reviewer']);
  const stream = a.client.experimental.tasks.callToolStream(
    { name: tools.create_ticket, arguments: { customerId: 'CUS-1', subject: 'Task over HTTP' } },
    CallToolResultSchema,
    { task: { ttl: 60_000 } },
  );
  const created = await stream.next();
  await stream.return(undefined);
  if (created.done || created.value.type !== 'taskCreated') throw new Error('no task');
  const { taskId, status, statusMessage } = created.value.task;
  expect(status).toBe('working');
  expect(statusMessage).toBe(`Awaits human review: action ${taskId}, ${baseURL}/actions/${taskId}`);
  const held = a.client.experimental.tasks.getTaskResult(taskId, CallToolResultSchema);
  await approveAction(reviewer.actor, { actionId: taskId });
  const result = await held;
  expect(result.isError).toBeFalsy();
  expect(JSON.parse(resultText(result))).toMatchObject({ status: 'open' });
  expect(await a.client.experimental.tasks.getTask(taskId)).toMatchObject({ status: 'completed' });
  expect(upstream.calls.at(-1)).toMatchObject({ tool: 'create_ticket', args: { subject: 'Task over HTTP' } });
});

test('review not in time: "awaits review" with id and link; the retry returns the rejection', async ({ baseURL }) => {
  const a = await mcpAgent(baseURL!, tools, grantsA);
  const reviewer = await createTestUser(['reviewer']);
  const args = { customerId: 'CUS-2', subject: 'Delete all tickets' };
  const first = await call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
  const ref = actionOf(first);
  expect(resultText(first)).toContain(`awaits human review (action ${ref.id}, ${baseURL}/actions/${ref.id})`);
  await rejectAction(reviewer.actor, { actionId: ref.id, comment: 'no bulk deletes' });
  const retry = await call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
  expect(actionOf(retry).id).toBe(ref.id);
  expect(retry.isError).toBe(true);
  expect(resultText(retry)).toMatch(/^Rejected by a reviewer: .*no bulk deletes/);
});

test('edit and approve: the edited parameters reach the upstream, and the result says so', async ({ baseURL }) => {
  const a = await mcpAgent(baseURL!, tools, grantsA);
  const reviewer = await createTestUser(['reviewer']);
  const args = { customerId: 'CUS-1', subject: 'Refund 5000 EUR' };
  const ref = actionOf(await call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 }));
  await editAndApproveAction(reviewer.actor, {
    actionId: ref.id,
    version: 1,
    params: { customerId: 'CUS-1', subject: 'Refund 50 EUR' },
  });
  const result = await call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
  expect(result.isError).toBeFalsy();
  expect(upstream.calls.at(-1)).toMatchObject({ args: { customerId: 'CUS-1', subject: 'Refund 50 EUR' } });
  expect(resultText(result)).toContain('A reviewer edited the parameters before approving');
});

test('a stop during a held call: approval refused while frozen, the call never reaches the upstream', async ({
  baseURL,
}) => {
  const a = await mcpAgent(baseURL!, tools, grantsA);
  const reviewer = await createTestUser(['reviewer']);
  const calls = upstream.calls.length;
  const held = call(a.client, 'create_ticket', { customerId: 'CUS-1', subject: 'Held' }, { 'dev.warden/wait': 3 });
  const pending = await pendingActionOf(a.agent.id);
  await engageSwitch(SETUP, { scope: 'agent', agent: a.agent.id, effect: 'block', reason: 'incident drill' });
  await expect(approveAction(reviewer.actor, { actionId: pending })).rejects.toMatchObject({ code: 'conflict' });
  expect(resultText(await held)).toContain('awaits human review');
  expect(upstream.calls.length).toBe(calls);
  expect((await a.client.listTools()).tools).toEqual([]);
});

test('a changed upstream schema is held for review: agents keep the accepted one until an admin accepts', async ({
  baseURL,
}) => {
  const a = await mcpAgent(baseURL!, tools, grantsA);
  const schemaOf = async () =>
    (await a.client.listTools()).tools.find((t) => t.name === tools.create_ticket)!.inputSchema.required;
  upstream.setRevision(2);
  try {
    const refresh = await refreshMcpServer(admin.actor, serverId);
    expect(refresh.changes.map((c) => [c.upstreamName, c.kind])).toEqual([['create_ticket', 'changed']]);
    expect(await schemaOf()).toEqual(['customerId', 'subject']);
    const held = await db().mcpToolChange.findFirstOrThrow({ where: { serverId, status: 'pending' } });
    await reviewMcpToolChange(admin.actor, { changeId: held.id, decision: 'accept' });
    expect(await schemaOf()).toEqual(['customerId', 'subject', 'priority']);
  } finally {
    upstream.setRevision(1);
  }
});

test('the upstream credential is in no answer Warden gave', () => {
  expect(answers.length).toBeGreaterThan(10);
  expect(answers.join('\n')).not.toContain(TOKEN);
});
