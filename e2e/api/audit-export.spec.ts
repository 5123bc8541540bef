import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, SETUP, uniqueName } from '../fixtures/factories';
import { signInWithRequest } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { createAgent } = appModule<typeof import('@/lib/agents/create-agent')>('@/lib/agents/create-agent');
const { createAgentKey } = appModule<typeof import('@/lib/agents/create-agent-key')>('@/lib/agents/create-agent-key');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');
const { createTool } = appModule<typeof import('@/lib/tools/create-tool')>('@/lib/tools/create-tool');

// Issue 13 (§3, the audit log becomes legible): /audit/export downloads any filtered view of the log as CSV or JSONL,
// with the page's filters, action summaries masked exactly as on screen, and the export itself recorded.
const RECIPIENT = 'zq-export-recipient-4410@evil.test';
const HEADER = 'seq,at,actorType,actor,type,event,agentId,agent,actionId,tool,summary,outcome,traceId,details';

async function seedProposal(baseURL: string) {
  const owner = await createTestUser(['owner'], 'Export Owner');
  const agent = await createAgent(SETUP, {
    name: uniqueName('agent'),
    purpose: 'export spec',
    ownerId: owner.id,
    mode: 'live',
  });
  const tool = await createTool(SETUP, {
    name: uniqueName('payout').replaceAll('-', '_'),
    description: 'pays out to a recipient (export spec)',
    actionLevel: 'external',
    parameters: { type: 'object', properties: { recipient: { type: 'string' }, amount: { type: 'number' } } },
    sensitiveFields: ['recipient'],
    summaryTemplate: 'Pay {amount} EUR to {recipient}',
  });
  await grantTool(SETUP, { agent: { id: agent.id }, tool: tool.name, rules: { approvals: 1, constraints: [] } });
  const { key } = await createAgentKey(SETUP, { id: agent.id });
  const reply = await agentClient(baseURL, key).propose({
    tool: tool.name,
    params: { recipient: RECIPIENT, amount: 25 },
    traceId: uniqueName('trace'),
  });
  expect(reply.body.status).toBe('pending_review');
  return { agent, tool, id: reply.body.id as string };
}

async function signedIn(
  playwright: {
    request: { newContext: (options: { baseURL?: string }) => Promise<import('@playwright/test').APIRequestContext> };
  },
  baseURL: string,
  roles: ('viewer' | 'reviewer')[],
) {
  const user = await createTestUser(roles, `Export ${roles[0]}`);
  const request = await playwright.request.newContext({ baseURL });
  await signInWithRequest(request, user.email, user.password);
  return { user, request };
}

test('a viewer exports one action as CSV: the header, its rows, the summary masked, the export audited', async ({
  baseURL,
  playwright,
}) => {
  const { id, tool } = await seedProposal(baseURL!);
  const { user, request } = await signedIn(playwright, baseURL!, ['viewer']);

  const response = await request.get(`/audit/export?format=csv&action=${id}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="warden-audit-.+\.csv"$/);
  const text = await response.text();
  expect(text).not.toContain(RECIPIENT);
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe(HEADER);
  // Proposed, then the gate's decision: newest first.
  expect(lines.slice(1).map((line) => line.split(',')[4])).toEqual(['gate.decided', 'action.proposed']);
  for (const line of lines.slice(1)) {
    expect(line).toContain(id);
    expect(line).toContain(`,${tool.name},Pay 25 EUR to ••••••,pending_review,`);
  }

  const recorded = await db().auditEvent.findFirst({
    where: { type: 'audit.exported', actorId: user.id },
    orderBy: { seq: 'desc' },
  });
  expect(JSON.parse(recorded!.payload)).toEqual({ format: 'csv', filter: { actionId: id } });
  await request.dispose();
});

test('a reviewer exports JSONL: one JSON object a line, the summary as a reviewer sees it, the filters applied', async ({
  baseURL,
  playwright,
}) => {
  const { id, agent } = await seedProposal(baseURL!);
  const { user, request } = await signedIn(playwright, baseURL!, ['reviewer']);

  // The distinguishing end of the id finds the action, narrowed to one event type and the agent.
  const response = await request.get(
    `/audit/export?format=jsonl&action=${id.slice(-8)}&type=action.proposed&agent=${agent.id}`,
  );
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/x-ndjson');
  const lines = (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({
    type: 'action.proposed',
    actionId: id,
    agentId: agent.id,
    summary: `Pay 25 EUR to ${RECIPIENT}`,
    outcome: 'pending_review',
  });
  expect(lines[0].payload).toMatchObject({ tool: expect.any(String) });

  // A whole group of types, and the start of the id (UUIDv7 ids start with their time) find it too.
  const group = await request.get(`/audit/export?format=jsonl&action=${id.slice(0, 13)}&type=gate.*&agent=${agent.id}`);
  const types = (await group.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { type: string }).type);
  expect(types).toEqual(['gate.decided']);

  // Tool, trace, outcome and actor narrow by the action and who acted (the gate decides on the agent's call, as the agent).
  const proposal = await db().action.findUniqueOrThrow({ where: { id } });
  const narrowed = await request.get(
    `/audit/export?format=jsonl&tool=${proposal.toolName}&trace=${proposal.traceId}&outcome=pending_review&actor=agent:${agent.id}`,
  );
  const events = (await narrowed.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; actionId: string });
  expect(events.map((event) => [event.type, event.actionId])).toEqual([
    ['gate.decided', id],
    ['action.proposed', id],
  ]);
  const otherOutcome = await request.get(`/audit/export?format=jsonl&trace=${proposal.traceId}&outcome=approved`);
  expect(await otherOutcome.text()).toBe('');
  const otherActor = await request.get(`/audit/export?format=jsonl&trace=${proposal.traceId}&actor=user:${user.id}`);
  expect(await otherActor.text()).toBe('');
  await request.dispose();
});

test('the export refuses a signed-out caller, an unknown format and a bad time, naming the field', async ({
  baseURL,
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  // No session cookie: sent to sign-in before the route runs. A cookie that names no session: the route's own 401.
  const redirected = await anonymous.get('/audit/export?format=csv', { maxRedirects: 0 });
  expect(redirected.status()).toBe(307);
  expect(redirected.headers().location).toContain('/sign-in');
  const forged = await anonymous.get('/audit/export?format=csv', {
    maxRedirects: 0,
    headers: { cookie: 'next-auth.session-token=forged' },
  });
  expect(forged.status()).toBe(401);
  expect(await forged.text()).not.toContain('seq,at');
  await anonymous.dispose();

  const { request } = await signedIn(playwright, baseURL!, ['viewer']);
  const format = await request.get('/audit/export?format=xlsx');
  expect(format.status()).toBe(400);
  expect(((await format.json()) as { error: { message: string } }).error.message).toContain('format');
  const time = await request.get('/audit/export?format=csv&from=yesterday');
  expect(time.status()).toBe(400);
  expect(((await time.json()) as { error: { message: string } }).error.message).toContain('From');
  await request.dispose();
});
