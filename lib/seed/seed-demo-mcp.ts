import type { Actor } from '../auth/actor';
import { createAgent } from '../agents/create-agent';
import { grantTool } from '../grants/grant-tool';
import { engageSwitch } from '../kill-switches/engage-switch';
import { listMcpServers } from '../mcp/list-mcp-servers';
import { registerMcpServer } from '../mcp/register-mcp-server';
import { reviewMcpToolChange } from '../mcp/review-mcp-tool-change';
import type { ActionLevel } from '../policy/action-levels';
import { DEMO_MCP } from './demo-mcp-catalog';

export type DemoMcpSeed = {
  url: string;
  status: string;
  lastError: string | null;
  tools: string[];
  agent: string | null;
};

/**
 * Registers the demo upstream MCP server at `url` as an admin would on /mcp-servers: its tools imported at the levels
 * the demo confirms, three of them granted to the demo CRM assistant, and its e-mails held as drafts by a draft-only
 * switch. `credentials`: the bearer token the upstream requires, if any (sealed like any other). An upstream that does not answer is still registered (status error, refresh it later); nothing is imported.
 */
export async function seedDemoMcp(
  seeder: Actor,
  input: { url: string; credentials?: string; ownerId: string },
): Promise<DemoMcpSeed> {
  const server = await registerMcpServer(seeder, {
    name: DEMO_MCP.server,
    url: input.url,
    credentials: input.credentials,
  });
  const listed = (await listMcpServers(seeder)).find((s) => s.id === server.id);
  const changes = (listed?.pending ?? []).filter((c) => c.kind === 'added');
  if (changes.length === 0)
    return { url: input.url, status: server.status, lastError: server.lastError, tools: [], agent: null };

  const levels: Record<string, ActionLevel> = DEMO_MCP.levels;
  const names: Record<string, string> = {};
  for (const change of changes) {
    const actionLevel = levels[change.upstreamName];
    if (!actionLevel) continue; // an upstream tool the demo does not know stays pending for an admin
    const { toolName } = await reviewMcpToolChange(seeder, { changeId: change.id, decision: 'accept', actionLevel });
    if (toolName) names[change.upstreamName] = toolName;
  }

  const agent = await createAgent(seeder, {
    name: DEMO_MCP.agent.name,
    purpose: DEMO_MCP.agent.purpose,
    ownerId: input.ownerId,
    environment: 'production',
    mode: 'live',
  });
  for (const [upstreamName, rules] of DEMO_MCP.grants) {
    const tool = names[upstreamName];
    if (tool) await grantTool(seeder, { agent: { id: agent.id }, tool, rules });
  }
  const drafted = names[DEMO_MCP.draftOnly.tool];
  if (drafted)
    await engageSwitch(seeder, {
      scope: 'agent-tool',
      agent: agent.id,
      tool: drafted,
      effect: 'draft-only',
      reason: DEMO_MCP.draftOnly.reason,
    });
  return {
    url: input.url,
    status: server.status,
    lastError: server.lastError,
    tools: Object.values(names),
    agent: agent.name,
  };
}
