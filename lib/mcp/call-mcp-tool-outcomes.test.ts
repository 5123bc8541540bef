import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../db/test-databases';
import { actionOf, text, TOKEN, useMcpCallSuite } from './test-mcp-call-suite';

/**
 * Warden as an MCP server (lib/mcp/test-mcp-call-suite.ts), the outcomes of a call: the list per agent, allowed,
 * failed upstream, refused by the gate or for its key, replayed, undeliverable, drafted; and the upstream credential
 * in no answer and no log line. The review wait: call-mcp-tool-review-waits.test.ts.
 */
describe.each(TEST_DATABASES)('MCP tools/call through the gate on %s', (kind) => {
  const mcp = useMcpCallSuite(kind);

  it('tools/list: each agent sees only its granted, enabled tools with their schemas; a pause empties it at once', async () => {
    const a = await mcp.agentA();
    const b = await mcp.world.mcpAgent(mcp.tools, { close_ticket: { approvals: 1 } });
    const listA = await a.client.listTools();
    expect(listA.tools.map((t) => t.name).sort()).toEqual(
      [mcp.tools.create_ticket, mcp.tools.email_customer, mcp.tools.search_customers].sort(),
    );
    expect(listA.tools.find((t) => t.name === mcp.tools.create_ticket)?.inputSchema).toMatchObject({
      type: 'object',
      required: ['customerId', 'subject'],
    });
    expect((await b.client.listTools()).tools.map((t) => t.name)).toEqual([mcp.tools.close_ticket]);
    expect(mcp.world.seen.at(-1)).toContain('"cache-control","private, no-store"');

    const { pauseAgent } = await import('../agents/set-agent-status');
    await pauseAgent(mcp.w.SETUP, { id: b.agent.id }, 'checking');
    expect((await b.client.listTools()).tools).toEqual([]);
  });

  it('approved: Warden calls the upstream with its credential, records the result, returns the upstream result', async () => {
    const a = await mcp.agentA();
    const before = mcp.upstream.calls.length;
    const result = await mcp.call(a.client, 'search_customers', { query: 'acme' }, { 'dev.warden/reason': 'look up' });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(text(result))).toEqual([{ id: 'CUS-1', name: 'Acme GmbH', email: 'ops@acme.test' }]);
    expect(mcp.upstream.calls.slice(before)).toEqual([
      { tool: 'search_customers', args: { query: 'acme' }, authorization: `Bearer ${TOKEN}` },
    ]);
    const action = await mcp.db().action.findUniqueOrThrow({ where: { id: actionOf(result).id } });
    expect(action).toMatchObject({
      status: 'succeeded',
      reason: 'look up',
      downstreamRef: expect.stringMatching(/^mcp:crm_/),
    });
    expect(JSON.parse(action.result!)).toMatchObject({ ok: true, output: { content: [{ type: 'text' }] } });
    expect(await mcp.w.auditTypes(action.id)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.claimed',
      'action.succeeded',
    ]);
  });

  it('an upstream isError is reported as failed; invalid parameters are refused naming the field', async () => {
    const a = await mcp.agentA();
    const failed = await mcp.call(a.client, 'email_customer', { customerId: 'CUS-404', subject: 's', body: 'b' });
    expect(failed.isError).toBe(true);
    expect(text(failed)).toContain('No customer CUS-404');
    expect(await mcp.db().action.findUniqueOrThrow({ where: { id: actionOf(failed).id } })).toMatchObject({
      status: 'failed',
    });
    const invalid = await mcp.call(a.client, 'search_customers', { query: 5 });
    expect(invalid.isError).toBe(true);
    expect(text(invalid)).toMatch(/query/);
  });

  it('a tool not granted (or unknown) is refused by the gate and audited like an ungranted proposal', async () => {
    const a = await mcp.agentA();
    const before = mcp.upstream.calls.length;
    // The metrics registry is the process's, shared by both databases' suites (whose agents may share names):
    // counted as the agent API's proposals are, compared before and after.
    const { metrics } = await import('../metrics/registry');
    const blocked = async (tool: string) =>
      (await metrics().proposals.get()).values.find(
        (v) => v.labels.agent === a.agent.name && v.labels.outcome === 'blocked' && v.labels.tool === tool,
      )?.value ?? 0;
    const [ungrantedBefore, unknownBefore] = [await blocked(mcp.tools.close_ticket!), await blocked('(unknown)')];
    const refused = await mcp.call(a.client, 'close_ticket', { ticketId: 'TCK-1', resolution: 'done' });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/^Refused by Warden: .*not granted/i);
    const action = await mcp.db().action.findUniqueOrThrow({ where: { id: actionOf(refused).id } });
    expect(action.status).toBe('blocked');
    expect(await mcp.w.auditTypes(action.id)).toEqual(['action.proposed', 'gate.decided']);
    const unknown = await a.client.callTool({ name: 'crm.nothing_here', arguments: {} });
    expect(unknown.isError).toBe(true);
    expect(mcp.upstream.calls.length).toBe(before);
    expect(await blocked(mcp.tools.close_ticket!)).toBe(ungrantedBefore + 1);
    expect(await blocked('(unknown)')).toBe(unknownBefore + 1); // an unknown tool is never a label of its own
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
    const a = await mcp.agentA();
    const before = mcp.upstream.calls.length;
    const meta = { 'dev.warden/idempotencyKey': 'search-1' };
    const first = await mcp.call(a.client, 'search_customers', { query: 'glo' }, meta);
    const second = await mcp.call(a.client, 'search_customers', { query: 'glo' }, meta);
    expect(actionOf(second).id).toBe(actionOf(first).id);
    expect(text(second)).toBe(text(first));
    expect(mcp.upstream.calls.length).toBe(before + 1);
  });

  it('a credential this instance cannot open: the call fails as an upstream failure, recorded, nothing sent', async () => {
    const other = await mcp.world.importDemoServer(mcp.upstream, TOKEN);
    const { sealCredential } = await import('./credential-box');
    const ownKey = process.env.WARDEN_SECRET_KEY;
    process.env.WARDEN_SECRET_KEY = Buffer.alloc(32, 1).toString('base64');
    const foreign = sealCredential(TOKEN);
    process.env.WARDEN_SECRET_KEY = ownKey;
    await mcp.db().mcpServer.update({ where: { id: other.server.id }, data: { credentials: foreign } });
    const a = await mcp.world.mcpAgent(other.tools, { search_customers: { approvals: 0 } });
    const before = mcp.upstream.calls.length;
    const result = await a.client.callTool({ name: other.tools.search_customers, arguments: { query: 'acme' } });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('cannot be opened with this instance');
    expect(await mcp.db().action.findUniqueOrThrow({ where: { id: actionOf(result).id } })).toMatchObject({
      status: 'failed',
    });
    expect(mcp.upstream.calls.length).toBe(before);
  });

  it('draft-only agent: a draft, not run, said so', async () => {
    const d = await mcp.world.mcpAgent(mcp.tools, { email_customer: { approvals: 0 } }, 'draft_only');
    const result = await mcp.call(d.client, 'email_customer', { customerId: 'CUS-1', subject: 'Hi', body: 'Hello' });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^Recorded as a draft/);
  });

  it('the upstream credential is in no answer Warden gave and no log line', () => {
    expect(mcp.world.seen.length).toBeGreaterThan(10);
    expect(mcp.world.seen.join('\n')).not.toContain(TOKEN);
    expect(mcp.logged.join('\n')).not.toContain(TOKEN);
  });
});
