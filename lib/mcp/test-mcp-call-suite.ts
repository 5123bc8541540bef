import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, vi } from 'vitest';
import { startDemoCrmServer, type DemoCrmServer } from '../../scripts/demo-mcp/crm-server';
import { useTestDatabase, type TestDatabaseKind } from '../db/test-databases';

export const TOKEN = 'upstream-secret-token-41b7e2';
// The demo upstream listens on loopback, which the egress policy refuses unless allowed.
process.env.WARDEN_EGRESS_ALLOW = '127.0.0.1';
process.env.WARDEN_SECRET_KEY ??= Buffer.alloc(32, 9).toString('base64');
process.env.WARDEN_MCP_REVIEW_WAIT_SECONDS = '10';

export const text = (result: unknown) =>
  ((result as CallToolResult).content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n');
export const actionOf = (result: unknown) =>
  ((result as CallToolResult)._meta?.['dev.warden/action'] ?? {}) as { id: string; status: string; url: string };

type World = typeof import('./test-mcp-world');
type TestWorld = typeof import('../seed/test-world');

/**
 * Warden as an MCP server, driven by the official SDK client against the demo upstream on the official SDK (the
 * tools/call suites: call-mcp-tool-*.test.ts). Its fields are set by the hooks useMcpCallSuite registers.
 */
export class McpCallSuite {
  upstream!: DemoCrmServer;
  world!: World;
  w!: TestWorld;
  db!: typeof import('../db/client').db;
  /** Warden's name of each demo upstream tool, by its upstream name. */
  tools!: Record<string, string>;
  reviewer!: Awaited<ReturnType<TestWorld['person']>>;
  /** Everything the suite's code printed to the console (which it keeps off the test output). */
  readonly logged: string[] = [];

  /** An agent with three of the demo tools: search (allowed), create_ticket (one approval), email (allowed). */
  agentA() {
    return this.world.mcpAgent(this.tools, {
      search_customers: { approvals: 0 },
      create_ticket: { approvals: 1 },
      email_customer: { approvals: 0 },
    });
  }

  /** tools/call of a demo tool by its upstream name, with `_meta`. */
  call(client: Client, upstreamName: string, args: Record<string, unknown>, meta: Record<string, unknown> = {}) {
    const name = this.tools[upstreamName];
    if (!name) throw new Error(`No imported tool for ${upstreamName}`);
    return client.callTool({ name, arguments: args, _meta: meta });
  }
}

/**
 * Registers the suite's database and hooks: the demo upstream started with its credential and imported, a reviewer,
 * console output captured; the upstream and Warden's connections to it closed after. Call inside the `describe`.
 */
export function useMcpCallSuite(kind: TestDatabaseKind): McpCallSuite {
  useTestDatabase(kind, 'warden-mcp-call');
  const suite = new McpCallSuite();

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error'] as const)
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void suite.logged.push(args.map(String).join(' ')),
      );
    suite.upstream = await startDemoCrmServer({ token: TOKEN });
    suite.world = await import('./test-mcp-world');
    suite.w = await import('../seed/test-world');
    suite.db = (await import('../db/client')).db;
    suite.tools = (await suite.world.importDemoServer(suite.upstream, TOKEN)).tools;
    suite.reviewer = await suite.w.person(['reviewer']);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    // Warden keeps a connection to each upstream: closed first, so the upstream's close need not wait for it.
    const { closeUpstreamConnections } = await import('./upstream-client');
    await closeUpstreamConnections();
    await suite.upstream.close();
  });
  return suite;
}
