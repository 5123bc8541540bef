import { expect } from 'vitest';
import type { EveryModelContext } from './context';

/** The MCP gateway (lib/mcp/): an upstream server, a tool imported from it, a pending change, a call through it. */
export async function exerciseMcp({ client, suffix, at, tool, action }: EveryModelContext): Promise<string[]> {
  const mcpServer = {
    id: `mcp-${suffix}`,
    name: `crm_${suffix}`,
    url: 'http://127.0.0.1:1/mcp',
    credentials: 'v1.a.b.c',
    status: 'ok',
    lastError: null,
    lastRefreshAt: at,
  };
  await client.mcpServer.create({ data: mcpServer });
  const mcpTool = {
    id: `mt-${suffix}`,
    serverId: mcpServer.id,
    toolId: tool.id,
    upstreamName: 'Create-Ticket',
    definitionHash: 'h1',
  };
  await client.mcpTool.create({ data: mcpTool });
  const mcpChange = {
    id: `mc-${suffix}`,
    serverId: mcpServer.id,
    upstreamName: 'Create-Ticket',
    kind: 'changed',
    definition: '{"name":"Create-Ticket","b":1,"a":2}',
    definitionHash: 'h2',
    suggestedLevel: 'create',
    status: 'pending',
    detectedAt: at,
    decidedById: null,
    decidedAt: null,
  };
  await client.mcpToolChange.create({ data: mcpChange });
  const mcpCall = {
    actionId: action.id,
    callHash: 'h3',
    serverId: mcpServer.id,
    upstreamName: 'Create-Ticket',
    calledAt: at,
  };
  await client.mcpCall.create({ data: mcpCall });
  expect(
    await client.mcpServer.findUniqueOrThrow({ where: { id: mcpServer.id }, include: { tools: true, changes: true } }),
  ).toMatchObject({ ...mcpServer, tools: [mcpTool], changes: [mcpChange] });
  expect(await client.mcpCall.findUniqueOrThrow({ where: { actionId: action.id } })).toMatchObject(mcpCall);

  return ['McpServer', 'McpTool', 'McpToolChange', 'McpCall'];
}
