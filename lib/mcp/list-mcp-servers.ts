import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { mcpServerView, type McpServerView } from './mcp-server-view';
import type { UpstreamToolDefinition } from './tool-definition';

export type McpServerSummary = McpServerView & {
  tools: { toolId: string; name: string; upstreamName: string; actionLevel: string; enabled: boolean; calls: number }[];
  pending: {
    id: string;
    kind: string;
    upstreamName: string;
    suggestedLevel: string;
    detectedAt: string;
    /** The upstream's definition now (null for a removed tool). */
    definition: UpstreamToolDefinition | null;
    /** What the catalogue holds today, for a changed tool: the reviewer compares before accepting. */
    current: { description: string; parameters: string } | null;
  }[];
};

/** The MCP servers page: each server's state, the tools imported from it with their MCP calls, its pending changes. */
export async function listMcpServers(actor: Actor): Promise<McpServerSummary[]> {
  assertCan(actor, 'mcp.manage');
  const servers = await db().mcpServer.findMany({
    orderBy: { name: 'asc' },
    include: {
      tools: true,
      changes: { where: { status: 'pending' }, orderBy: [{ upstreamName: 'asc' }, { detectedAt: 'asc' }] },
    },
  });
  const toolIds = servers.flatMap((s) => s.tools.map((t) => t.toolId));
  const [catalogue, calls] = await Promise.all([
    db().tool.findMany({
      where: { id: { in: toolIds } },
      select: { id: true, name: true, actionLevel: true, enabled: true, description: true, parameters: true },
    }),
    db().mcpCall.groupBy({ by: ['serverId', 'upstreamName'], _count: { _all: true } }),
  ]);
  const toolById = new Map(catalogue.map((t) => [t.id, t]));
  const callCount = (serverId: string, upstreamName: string) =>
    calls.find((c) => c.serverId === serverId && c.upstreamName === upstreamName)?._count._all ?? 0;
  return servers.map((server) => {
    const imported = new Map(server.tools.map((t) => [t.upstreamName, toolById.get(t.toolId)]));
    return {
      ...mcpServerView(server),
      tools: server.tools.flatMap((t) => {
        const tool = toolById.get(t.toolId);
        return tool
          ? [
              {
                toolId: tool.id,
                name: tool.name,
                upstreamName: t.upstreamName,
                actionLevel: tool.actionLevel,
                enabled: tool.enabled,
                calls: callCount(server.id, t.upstreamName),
              },
            ]
          : [];
      }),
      pending: server.changes.map((change) => {
        const current = change.kind === 'changed' ? imported.get(change.upstreamName) : undefined;
        return {
          id: change.id,
          kind: change.kind,
          upstreamName: change.upstreamName,
          suggestedLevel: change.suggestedLevel,
          detectedAt: change.detectedAt.toISOString(),
          definition: change.kind === 'removed' ? null : (JSON.parse(change.definition) as UpstreamToolDefinition),
          current: current ? { description: current.description, parameters: current.parameters } : null,
        };
      }),
    };
  });
}
