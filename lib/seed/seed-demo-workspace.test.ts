import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrmServer, type DemoCrmServer } from '../../scripts/demo-mcp/crm-server';
import { useSqliteTestDatabase } from '../db/sqlite-test-database';

// The demo workspace is what a new user sees first: seeded through the domain functions, it must keep working as
// those functions change (a refused step would leave `npm start` with a half-filled console).
describe('seedDemoWorkspace', () => {
  const database = useSqliteTestDatabase('warden-demo-seed-');
  // The demo upstream MCP server `npm start` runs beside the console (here in this process, on loopback, which the
  // egress policy opens for it as start.mjs does).
  let upstream: DemoCrmServer;
  beforeAll(async () => {
    process.env.WARDEN_EGRESS_ALLOW = '127.0.0.1';
    upstream = await startDemoCrmServer();
  });
  afterAll(() => upstream.close());

  it('fills an empty database once: accounts, agents, a decided history, a rollback that ran, incidents closed and open', async () => {
    const { seedDemoWorkspace } = await import('./seed-demo-workspace');
    const seeded = await seedDemoWorkspace({ mcpUrl: () => Promise.resolve(upstream.url) });
    expect(seeded?.accounts.map((a) => a.role)).toEqual(['admin', 'owner', 'reviewer', 'reviewer']);
    const db = database.client;

    expect((await db.tool.findUniqueOrThrow({ where: { name: 'refund.issue' } })).rollbackToolName).toBe(
      'refund.cancel',
    );
    const statuses = (await db.action.findMany({ where: { rollbackOfId: null }, select: { status: true } }))
      .map((a) => a.status)
      .sort();
    expect(statuses).toEqual(expect.arrayContaining(['pending_review', 'rejected', 'succeeded', 'draft']));

    // The refund that ran was compensated through the agent's ordinary claim → result path.
    const compensation = await db.action.findFirstOrThrow({ where: { rollbackOfId: { not: null } } });
    expect(compensation).toMatchObject({ toolName: 'refund.cancel', status: 'succeeded' });
    expect(JSON.parse(compensation.params)).toEqual({ refundId: 're_demo_1', orderId: 'ORD-10398' });

    // The workbench is populated: a closed incident with its rollback marked, an open one contained by review-all.
    const incidents = await db.incident.findMany({
      orderBy: { openedAt: 'asc' },
      include: { marks: true, notes: true },
    });
    expect(incidents.map((i) => i.status)).toEqual(['closed', 'open']);
    expect(incidents[0].marks.map((m) => m.mark).sort()).toEqual(['rolled_back', 'verified_fine']);
    expect(incidents[0].resolution).toBeTruthy();
    expect(incidents[1].manualFallback).toContain('review');
    expect(
      await db.switch.findMany({ where: { incidentId: incidents[1].id, engagedKey: { not: null } } }),
    ).toMatchObject([{ effect: 'review-all', scope: 'agent' }]);

    // The demo MCP server: registered, its four tools imported at confirmed levels (none left pending), three granted
    // to the CRM assistant, whose e-mails a draft-only switch turns into drafts; close_ticket is not granted.
    expect(seeded?.mcp).toMatchObject({ url: upstream.url, status: 'ok', agent: 'demo-crm-assistant' });
    const server = await db.mcpServer.findUniqueOrThrow({
      where: { name: 'demo_crm' },
      include: { tools: true, changes: true },
    });
    expect(server).toMatchObject({ status: 'ok', credentials: null });
    expect(server.changes.map((c) => c.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    const levels = await db.tool.findMany({
      where: { id: { in: server.tools.map((t) => t.toolId) } },
      select: { name: true, actionLevel: true },
      orderBy: { name: 'asc' },
    });
    expect(levels).toEqual([
      { name: 'demo_crm.close_ticket', actionLevel: 'update' },
      { name: 'demo_crm.create_ticket', actionLevel: 'create' },
      { name: 'demo_crm.email_customer', actionLevel: 'external' },
      { name: 'demo_crm.search_customers', actionLevel: 'read' },
    ]);
    const assistant = await db.agent.findUniqueOrThrow({
      where: { name: 'demo-crm-assistant' },
      include: { grants: { include: { tool: true } } },
    });
    expect(assistant).toMatchObject({ status: 'active', mode: 'live' });
    expect(assistant.grants.map((g) => g.tool.name).sort()).toEqual([
      'demo_crm.create_ticket',
      'demo_crm.email_customer',
      'demo_crm.search_customers',
    ]);
    expect(await db.switch.findMany({ where: { agentId: assistant.id, engagedKey: { not: null } } })).toMatchObject([
      { scope: 'agent-tool', effect: 'draft-only' },
    ]);

    // A second call changes nothing.
    const users = await db.user.count();
    expect(await seedDemoWorkspace()).toBeNull();
    expect(await db.user.count()).toBe(users);
  });
});
