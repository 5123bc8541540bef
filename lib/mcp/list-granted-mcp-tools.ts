import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { runOutsideTransaction } from '../db/sql-runner';
import { WardenError } from '../errors';
import { GLOBAL_STOP_ID, readEngagedSwitches } from '../kill-switches/global-stop';
import { strongestEffect } from '../policy/switch-effects';

export type GrantedMcpTool = { name: string; description: string; inputSchema: Record<string, unknown> };

/**
 * The MCP `tools/list` of the calling agent, read fresh on every request: the tools served by an upstream server
 * that it holds an unexpired grant on and that are enabled, with their accepted schemas. A paused agent, the
 * global stop, or a block switch over the agent or the tool leaves them out at once. The list only informs:
 * every `tools/call` goes through the gate whatever the list said.
 */
export async function listGrantedMcpTools(actor: Actor): Promise<GrantedMcpTool[]> {
  assertCan(actor, 'actions.read_own');
  if (actor.type !== 'agent') throw new WardenError('forbidden', 'Only an agent has MCP tools.');
  const now = new Date();
  const [agent, globalStop, grants] = await Promise.all([
    db().agent.findUniqueOrThrow({ where: { id: actor.id }, select: { status: true } }),
    db().switch.findUnique({ where: { id: GLOBAL_STOP_ID }, select: { engaged: true } }),
    db().grant.findMany({
      where: { agentId: actor.id, tool: { enabled: true }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { tool: { select: { id: true, name: true, description: true, parameters: true } } },
      orderBy: { tool: { name: 'asc' } },
    }),
  ]);
  if (agent.status !== 'active' || !globalStop || globalStop.engaged) return [];
  const served = new Set(
    (
      await db().mcpTool.findMany({
        where: { toolId: { in: grants.map((g) => g.tool.id) } },
        select: { toolId: true },
      })
    ).map((t) => t.toolId),
  );
  const switches = await runOutsideTransaction((runner) => readEngagedSwitches(runner, actor.id));
  return grants
    .map((g) => g.tool)
    .filter((tool) => served.has(tool.id) && strongestEffect(switches, actor.id, tool.name) !== 'block')
    .map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: JSON.parse(tool.parameters) as Record<string, unknown>,
    }));
}
