import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemoCrmServer, type DemoCrmServer } from '../../scripts/demo-mcp/crm-server';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

const TOKEN = 'upstream-secret-token-41b7e2';
// The demo upstream listens on loopback, which the egress policy refuses unless allowed.
process.env.WARDEN_EGRESS_ALLOW = '127.0.0.1';
process.env.WARDEN_SECRET_KEY ??= Buffer.alloc(32, 9).toString('base64');
process.env.WARDEN_MCP_REVIEW_WAIT_SECONDS = '10';

const text = (result: unknown) =>
  ((result as CallToolResult).content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n');
const actionOf = (result: unknown) =>
  ((result as CallToolResult)._meta?.['dev.warden/action'] ?? {}) as { id: string; status: string; url: string };

/**
 * Warden as an MCP server, driven by the official SDK client against the demo upstream on the official SDK:
 * the list per agent, every outcome of tools/call, the review wait both ways, edit-and-approve, a stop after approval,
 * and the upstream credential in no answer and no log line.
 */
describe.each(TEST_DATABASES)('MCP tools/call through the gate on %s', (kind) => {
  useTestDatabase(kind, 'warden-mcp-call');
  let upstream: DemoCrmServer;
  let world: typeof import('./test-mcp-world');
  let w: typeof import('../seed/test-world');
  let db: typeof import('../db/client').db;
  let tools: Record<string, string>;
  let reviewer: Awaited<ReturnType<typeof w.person>>;
  const logged: string[] = [];

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error'] as const)
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void logged.push(args.map(String).join(' ')),
      );
    upstream = await startDemoCrmServer({ token: TOKEN });
    world = await import('./test-mcp-world');
    w = await import('../seed/test-world');
    ({ db } = await import('../db/client'));
    ({ tools } = await world.importDemoServer(upstream, TOKEN));
    reviewer = await w.person(['reviewer']);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    // Warden keeps a connection to each upstream: closed first, so the upstream's close need not wait for it.
    const { closeUpstreamConnections } = await import('./upstream-client');
    await closeUpstreamConnections();
    await upstream.close();
  });

  const agentA = () =>
    world.mcpAgent(tools, {
      search_customers: { approvals: 0 },
      create_ticket: { approvals: 1 },
      email_customer: { approvals: 0 },
    });

  async function call(
    client: Client,
    upstreamName: string,
    args: Record<string, unknown>,
    meta: Record<string, unknown> = {},
  ) {
    return client.callTool({ name: tools[upstreamName], arguments: args, _meta: meta });
  }
  const pendingFor = async (agentId: string) => {
    for (;;) {
      const row = await db().action.findFirst({ where: { agentId, status: 'pending_review' } });
      if (row) return row;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  it('tools/list: each agent sees only its granted, enabled tools with their schemas; a pause empties it at once', async () => {
    const a = await agentA();
    const b = await world.mcpAgent(tools, { close_ticket: { approvals: 1 } });
    const listA = await a.client.listTools();
    expect(listA.tools.map((t) => t.name).sort()).toEqual(
      [tools.create_ticket, tools.email_customer, tools.search_customers].sort(),
    );
    expect(listA.tools.find((t) => t.name === tools.create_ticket)?.inputSchema).toMatchObject({
      type: 'object',
      required: ['customerId', 'subject'],
    });
    expect((await b.client.listTools()).tools.map((t) => t.name)).toEqual([tools.close_ticket]);
    expect(world.seen.at(-1)).toContain('"cache-control","private, no-store"');

    const { pauseAgent } = await import('../agents/set-agent-status');
    await pauseAgent(w.SETUP, { id: b.agent.id }, 'checking');
    expect((await b.client.listTools()).tools).toEqual([]);
  });

  it('approved: Warden calls the upstream with its credential, records the result, returns the upstream result', async () => {
    const a = await agentA();
    const before = upstream.calls.length;
    const result = await call(a.client, 'search_customers', { query: 'acme' }, { 'dev.warden/reason': 'look up' });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(text(result))).toEqual([{ id: 'CUS-1', name: 'Acme GmbH', email: 'ops@acme.test' }]);
    expect(upstream.calls.slice(before)).toEqual([
      { tool: 'search_customers', args: { query: 'acme' }, authorization: `Bearer ${TOKEN}` },
    ]);
    const action = await db().action.findUniqueOrThrow({ where: { id: actionOf(result).id } });
    expect(action).toMatchObject({
      status: 'succeeded',
      reason: 'look up',
      downstreamRef: expect.stringMatching(/^mcp:crm_/),
    });
    expect(JSON.parse(action.result!)).toMatchObject({ ok: true, output: { content: [{ type: 'text' }] } });
    expect(await w.auditTypes(action.id)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.claimed',
      'action.succeeded',
    ]);
  });

  it('an upstream isError is reported as failed; invalid parameters are refused naming the field', async () => {
    const a = await agentA();
    const failed = await call(a.client, 'email_customer', { customerId: 'CUS-404', subject: 's', body: 'b' });
    expect(failed.isError).toBe(true);
    expect(text(failed)).toContain('No customer CUS-404');
    expect(await db().action.findUniqueOrThrow({ where: { id: actionOf(failed).id } })).toMatchObject({
      status: 'failed',
    });
    const invalid = await call(a.client, 'search_customers', { query: 5 });
    expect(invalid.isError).toBe(true);
    expect(text(invalid)).toMatch(/query/);
  });

  it('a tool not granted (or unknown) is refused by the gate and audited like an ungranted proposal', async () => {
    const a = await agentA();
    const before = upstream.calls.length;
    // The metrics registry is the process's, shared by both databases' suites (whose agents may share names):
    // counted as the agent API's proposals are, compared before and after.
    const { metrics } = await import('../metrics/registry');
    const blocked = async (tool: string) =>
      (await metrics().proposals.get()).values.find(
        (v) => v.labels.agent === a.agent.name && v.labels.outcome === 'blocked' && v.labels.tool === tool,
      )?.value ?? 0;
    const [ungrantedBefore, unknownBefore] = [await blocked(tools.close_ticket!), await blocked('(unknown)')];
    const refused = await call(a.client, 'close_ticket', { ticketId: 'TCK-1', resolution: 'done' });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/^Refused by Warden: .*not granted/i);
    const action = await db().action.findUniqueOrThrow({ where: { id: actionOf(refused).id } });
    expect(action.status).toBe('blocked');
    expect(await w.auditTypes(action.id)).toEqual(['action.proposed', 'gate.decided']);
    const unknown = await a.client.callTool({ name: 'crm.nothing_here', arguments: {} });
    expect(unknown.isError).toBe(true);
    expect(upstream.calls.length).toBe(before);
    expect(await blocked(tools.close_ticket!)).toBe(ungrantedBefore + 1);
    expect(await blocked('(unknown)')).toBe(unknownBefore + 1); // an unknown tool is never a label of its own
  });

  it('review decided in time: the held call returns the upstream result', async () => {
    const a = await agentA();
    const held = call(
      a.client,
      'create_ticket',
      { customerId: 'CUS-1', subject: 'Printer on fire' },
      { 'dev.warden/wait': 10 },
    );
    const pending = await pendingFor(a.agent.id);
    const { approveAction } = await import('../actions/approve-action');
    await approveAction(reviewer, { actionId: pending.id });
    const result = await held;
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(text(result))).toMatchObject({ status: 'open' });
    expect(upstream.calls.at(-1)).toMatchObject({ tool: 'create_ticket', args: { subject: 'Printer on fire' } });
  });

  it('review not decided in time: "awaits review" with the id and link; a retry returns the outcome once decided', async () => {
    const a = await agentA();
    const args = { customerId: 'CUS-2', subject: 'Refund please' };
    const first = await call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
    expect(first.isError).toBe(true);
    const ref = actionOf(first);
    expect(text(first)).toContain(`awaits human review (action ${ref.id}, http://warden.test/actions/${ref.id})`);
    const { rejectAction } = await import('../actions/reject-action');
    await rejectAction(reviewer, { actionId: ref.id, comment: 'not for this customer' });
    const retry = await call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
    expect(actionOf(retry).id).toBe(ref.id);
    expect(text(retry)).toMatch(/^Rejected by a reviewer: .*not for this customer/);
    // Answered: the same call again is a new proposal.
    const again = await call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
    expect(actionOf(again).id).not.toBe(ref.id);
  });

  it('edit and approve: the edited parameters are what reaches the upstream, and the result says so', async () => {
    const a = await agentA();
    const args = { customerId: 'CUS-1', subject: 'Refund everything' };
    const ref = actionOf(await call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 }));
    const { editAndApproveAction } = await import('../actions/edit-and-approve-action');
    await editAndApproveAction(reviewer, {
      actionId: ref.id,
      version: 1,
      params: { customerId: 'CUS-1', subject: 'Refund order 7' },
    });
    const result = await call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
    expect(result.isError).toBeFalsy();
    expect(upstream.calls.at(-1)).toMatchObject({
      tool: 'create_ticket',
      args: { customerId: 'CUS-1', subject: 'Refund order 7' },
    });
    expect(text(result)).toContain('A reviewer edited the parameters before approving');
    expect(actionOf(result)).toMatchObject({ id: ref.id, status: 'succeeded', edited: true });
  });

  it('a stop after the approval refuses the call before it reaches the upstream', async () => {
    const a = await agentA();
    const args = { customerId: 'CUS-1', subject: 'Close my account' };
    const ref = actionOf(await call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 }));
    const { approveAction } = await import('../actions/approve-action');
    await approveAction(reviewer, { actionId: ref.id });
    const { engageSwitch } = await import('../kill-switches/engage-switch');
    const admin = await w.person(['admin']);
    await engageSwitch(admin, { scope: 'agent', agent: a.agent.id, effect: 'block', reason: 'agent misbehaving' });
    const before = upstream.calls.length;
    const result = await call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/blocked at claim.*agent misbehaving/);
    expect(upstream.calls.length).toBe(before);
    expect(await db().action.findUniqueOrThrow({ where: { id: ref.id } })).toMatchObject({ status: 'blocked' });
  });

  it('a stop during a held call: the approval is refused while frozen, nothing reaches the upstream', async () => {
    const a = await agentA();
    const before = upstream.calls.length;
    const held = call(a.client, 'create_ticket', { customerId: 'CUS-2', subject: 'Held' }, { 'dev.warden/wait': 1 });
    const pending = await pendingFor(a.agent.id);
    const { engageSwitch } = await import('../kill-switches/engage-switch');
    const admin = await w.person(['admin']);
    await engageSwitch(admin, { scope: 'agent', agent: a.agent.id, effect: 'block', reason: 'incident 7' });
    const { approveAction } = await import('../actions/approve-action');
    await expect(approveAction(reviewer, { actionId: pending.id })).rejects.toMatchObject({ code: 'conflict' });
    const result = await held;
    expect(text(result)).toContain('awaits human review');
    expect(upstream.calls.length).toBe(before);
  });

  it('no key or a wrong key: 401 with WWW-Authenticate: Bearer, per-caller cache headers', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
    for (const authorization of [undefined, 'Bearer wdn_not-a-key']) {
      const { handleMcpRequest } = await import('./handle-mcp-request');
      const response = await handleMcpRequest(
        new Request('http://warden.test/api/mcp', {
          method: 'POST',
          body,
          headers: authorization ? { ...headers, Authorization: authorization } : headers,
        }),
      );
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('the Idempotency-Key in _meta replays the first answer instead of calling again', async () => {
    const a = await agentA();
    const before = upstream.calls.length;
    const meta = { 'dev.warden/idempotencyKey': 'search-1' };
    const first = await call(a.client, 'search_customers', { query: 'glo' }, meta);
    const second = await call(a.client, 'search_customers', { query: 'glo' }, meta);
    expect(actionOf(second).id).toBe(actionOf(first).id);
    expect(text(second)).toBe(text(first));
    expect(upstream.calls.length).toBe(before + 1);
  });

  it('a credential this instance cannot open: the call fails as an upstream failure, recorded, nothing sent', async () => {
    const other = await world.importDemoServer(upstream, TOKEN);
    const { sealCredential } = await import('./credential-box');
    const ownKey = process.env.WARDEN_SECRET_KEY;
    process.env.WARDEN_SECRET_KEY = Buffer.alloc(32, 1).toString('base64');
    const foreign = sealCredential(TOKEN);
    process.env.WARDEN_SECRET_KEY = ownKey;
    await db().mcpServer.update({ where: { id: other.server.id }, data: { credentials: foreign } });
    const a = await world.mcpAgent(other.tools, { search_customers: { approvals: 0 } });
    const before = upstream.calls.length;
    const result = await a.client.callTool({ name: other.tools.search_customers, arguments: { query: 'acme' } });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('cannot be opened with this instance');
    expect(await db().action.findUniqueOrThrow({ where: { id: actionOf(result).id } })).toMatchObject({
      status: 'failed',
    });
    expect(upstream.calls.length).toBe(before);
  });

  it('draft-only agent: a draft, not run, said so', async () => {
    const d = await world.mcpAgent(tools, { email_customer: { approvals: 0 } }, 'draft_only');
    const result = await call(d.client, 'email_customer', { customerId: 'CUS-1', subject: 'Hi', body: 'Hello' });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^Recorded as a draft/);
  });

  it('the upstream credential is in no answer Warden gave and no log line', () => {
    expect(world.seen.length).toBeGreaterThan(10);
    expect(world.seen.join('\n')).not.toContain(TOKEN);
    expect(logged.join('\n')).not.toContain(TOKEN);
  });
});
