import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrmServer, type DemoCrmServer } from '../../scripts/demo-mcp/crm-server';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

const TOKEN = 'demo-upstream-token-5f1c9a';
// The demo upstream listens on loopback, which the egress policy refuses unless allowed.
process.env.WARDEN_EGRESS_ALLOW = '127.0.0.1';
process.env.WARDEN_SECRET_KEY ??= Buffer.alloc(32, 7).toString('base64');

/**
 * Registering, importing and refreshing upstream MCP servers, against the demo CRM server on the official SDK:
 * annotations suggest levels the admin confirms, a changed upstream definition is held until accepted, and the
 * credential is sealed at rest and never returned, audited or put in an error.
 */
describe.each(TEST_DATABASES)('MCP upstream servers on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-mcp-register');
  let upstream: DemoCrmServer;
  let w: typeof import('../seed/test-world');
  let registerMcpServer: typeof import('./register-mcp-server').registerMcpServer;
  let refreshMcpServer: typeof import('./refresh-mcp-server').refreshMcpServer;
  let reviewMcpToolChange: typeof import('./review-mcp-tool-change').reviewMcpToolChange;
  let db: typeof import('../db/client').db;
  beforeAll(async () => {
    upstream = await startDemoCrmServer({ token: TOKEN });
    w = await import('../seed/test-world');
    ({ registerMcpServer } = await import('./register-mcp-server'));
    ({ refreshMcpServer } = await import('./refresh-mcp-server'));
    ({ reviewMcpToolChange } = await import('./review-mcp-tool-change'));
    ({ db } = await import('../db/client'));
  });
  afterAll(() => upstream.close());

  async function pendingChanges(serverId: string) {
    return db().mcpToolChange.findMany({ where: { serverId, status: 'pending' }, orderBy: { upstreamName: 'asc' } });
  }

  /** Everything Warden stored or said that could leak the credential: audit rows, server rows, errors. */
  async function everythingStored(): Promise<string> {
    const audit = await db().auditEvent.findMany();
    const servers = await db().mcpServer.findMany();
    return JSON.stringify({ audit, servers });
  }

  it('registers, lists the tools as pending additions with suggested levels, imports at the confirmed level', async () => {
    const admin = await w.person(['admin']);
    upstream.setRevision(1);
    const server = await registerMcpServer(admin, {
      name: w.uniqueName('crm').replace('-', '_'),
      url: upstream.url,
      credentials: TOKEN,
    });
    expect(server).toMatchObject({ status: 'ok', hasCredentials: true, lastError: null });
    expect(JSON.stringify(server)).not.toContain(TOKEN);
    expect(upstream.calls).toEqual([]);

    const changes = await pendingChanges(server.id);
    expect(changes.map((c) => [c.upstreamName, c.kind, c.suggestedLevel])).toEqual([
      ['close_ticket', 'added', 'update'],
      ['create_ticket', 'added', 'create'],
      ['email_customer', 'added', 'external'],
      ['search_customers', 'added', 'read'],
    ]);
    const ticket = changes.find((c) => c.upstreamName === 'create_ticket')!;
    await expect(reviewMcpToolChange(admin, { changeId: ticket.id, decision: 'accept' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const { toolName } = await reviewMcpToolChange(admin, {
      changeId: ticket.id,
      decision: 'accept',
      actionLevel: 'update',
    });
    const tool = await db().tool.findUniqueOrThrow({ where: { name: toolName! } });
    expect(tool).toMatchObject({ actionLevel: 'update', description: 'Open a support ticket for a customer.' });
    expect(JSON.parse(tool.parameters)).toMatchObject({ type: 'object', required: ['customerId', 'subject'] });
    await expect(
      reviewMcpToolChange(admin, { changeId: ticket.id, decision: 'accept', actionLevel: 'update' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });

    const stored = await db().mcpServer.findUniqueOrThrow({ where: { id: server.id } });
    expect(stored.credentials).toMatch(/^v1\./);
    expect(await everythingStored()).not.toContain(TOKEN);
  });

  it('a changed upstream schema is held for review: the catalogue keeps the old one until an admin accepts', async () => {
    const admin = await w.person(['admin']);
    upstream.setRevision(1);
    const server = await registerMcpServer(admin, {
      name: w.uniqueName('crm').replace('-', '_'),
      url: upstream.url,
      credentials: TOKEN,
    });
    const ticket = (await pendingChanges(server.id)).find((c) => c.upstreamName === 'create_ticket')!;
    const { toolName } = await reviewMcpToolChange(admin, {
      changeId: ticket.id,
      decision: 'accept',
      actionLevel: 'create',
    });

    upstream.setRevision(2);
    const refresh = await refreshMcpServer(admin, server.id);
    expect(refresh.changes.map((c) => [c.upstreamName, c.kind])).toEqual([['create_ticket', 'changed']]);
    expect(refresh.server.lastRefreshAt).not.toBeNull();
    const before = await db().tool.findUniqueOrThrow({ where: { name: toolName! } });
    expect(JSON.parse(before.parameters).required).toEqual(['customerId', 'subject']);
    // A second refresh of the same upstream records nothing new.
    expect((await refreshMcpServer(admin, server.id)).changes).toEqual([]);

    const held = (await pendingChanges(server.id)).find((c) => c.kind === 'changed')!;
    await reviewMcpToolChange(admin, { changeId: held.id, decision: 'accept' });
    const after = await db().tool.findUniqueOrThrow({ where: { name: toolName! } });
    expect(JSON.parse(after.parameters).required).toEqual(['customerId', 'subject', 'priority']);
    expect(after.description).toBe('Open a support ticket for a customer, with a priority.');
    expect((await refreshMcpServer(admin, server.id)).changes).toEqual([]);
    upstream.setRevision(1);
  });

  it('an upstream refusing the credential: registered with status error, the reason kept, the credential nowhere', async () => {
    const admin = await w.person(['admin']);
    const wrong = 'wrong-token-8d2e77';
    const server = await registerMcpServer(admin, {
      name: w.uniqueName('crm').replace('-', '_'),
      url: upstream.url,
      credentials: wrong,
    });
    expect(server.status).toBe('error');
    expect(server.lastError).toBeTruthy();
    expect(await everythingStored()).not.toContain(wrong);
  });

  it('only an admin (mcp.manage) registers; a URL carrying credentials is refused naming the field', async () => {
    const owner = await w.person(['owner']);
    await expect(registerMcpServer(owner, { name: 'nope', url: upstream.url })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const admin = await w.person(['admin']);
    await expect(
      registerMcpServer(admin, { name: 'nope', url: upstream.url.replace('http://', 'http://u:secret@') }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: { issues: [{ path: 'url' }] } });
    await expect(registerMcpServer(admin, { name: 'nope', url: 'http://169.254.169.254/mcp' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'url' }] },
    });
    expect(await database.client.mcpServer.count({ where: { name: 'nope' } })).toBe(0);
  });
});
