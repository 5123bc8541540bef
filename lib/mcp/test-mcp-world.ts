import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { DemoCrmServer } from '../../scripts/demo-mcp/crm-server';
import { createAgent } from '../agents/create-agent';
import { createAgentKey } from '../agents/create-agent-key';
import { db } from '../db/client';
import { grantTool } from '../grants/grant-tool';
import type { ActionLevel } from '../policy/action-levels';
import { person, SETUP, uniqueName, type AgentActor } from '../seed/test-world';
import { handleMcpRequest } from './handle-mcp-request';
import { registerMcpServer } from './register-mcp-server';
import { reviewMcpToolChange } from './review-mcp-tool-change';

/**
 * The MCP gateway's world for domain suites: the demo CRM upstream registered with a credential and its tools
 * imported at confirmed levels (through the admin's own functions), agents with real keys and grants, and the
 * official SDK's client talking to Warden's `/api/mcp` handler (its fetch hands the Request to the handler, so the
 * whole HTTP exchange is real but for the socket). Every response body the clients saw is kept for leak checks.
 */
export const LEVELS: Record<string, ActionLevel> = {
  search_customers: 'read',
  create_ticket: 'create',
  close_ticket: 'update',
  email_customer: 'external',
};

export async function importDemoServer(upstream: DemoCrmServer, credentials: string) {
  const admin = await person(['admin']);
  const server = await registerMcpServer(admin, {
    name: uniqueName('crm').replaceAll('-', '_'),
    url: upstream.url,
    credentials,
  });
  const tools: Record<string, string> = {};
  for (const change of await db().mcpToolChange.findMany({ where: { serverId: server.id, status: 'pending' } })) {
    const { toolName } = await reviewMcpToolChange(admin, {
      changeId: change.id,
      decision: 'accept',
      actionLevel: LEVELS[change.upstreamName],
    });
    tools[change.upstreamName] = toolName!;
  }
  return { admin, server, tools };
}

export const seen: string[] = [];

export async function mcpAgent(
  tools: Record<string, string>,
  grants: Record<string, { approvals: number }>,
  mode: 'live' | 'draft_only' = 'live',
) {
  const owner = await person(['owner']);
  const row = await createAgent(SETUP, {
    name: uniqueName('mcp-agent'),
    purpose: 'MCP test agent',
    ownerId: owner.id,
    mode,
  });
  for (const [upstreamName, rules] of Object.entries(grants)) {
    const tool = tools[upstreamName];
    if (!tool) throw new Error(`No imported tool for ${upstreamName}`);
    await grantTool(SETUP, { agent: { id: row.id }, tool, rules });
  }
  const { key, keyId } = await createAgentKey(SETUP, { id: row.id });
  const agent: AgentActor = { type: 'agent', id: row.id, name: row.name, keyId };
  return { agent, key, client: await mcpClient(key) };
}

/** Warden's handler behind the fetch the SDK's transport uses; each answer's text is kept in `seen`. */
export async function wardenFetch(url: string | URL, init?: RequestInit): Promise<Response> {
  const response = await handleMcpRequest(new Request(url, init));
  seen.push(`${response.status} ${JSON.stringify([...response.headers])} ${await response.clone().text()}`);
  return response;
}

export async function mcpClient(key: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL('http://warden.test/api/mcp'), {
    requestInit: { headers: { Authorization: `Bearer ${key}` } },
    fetch: wardenFetch,
  });
  const client = new Client({ name: 'test-agent', version: '1.0.0' });
  await client.connect(transport);
  return client;
}
