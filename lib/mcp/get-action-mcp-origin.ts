import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';

export type ActionMcpOrigin = { server: string | null; upstreamName: string | null; calledAt: string | null };

/** Whether an action came through Warden's MCP endpoint, and which upstream tool Warden called (or will) for it. */
export async function getActionMcpOrigin(actor: Actor, actionId: string): Promise<ActionMcpOrigin | null> {
  assertCan(actor, 'actions.read');
  const call = await db().mcpCall.findUnique({ where: { actionId } });
  if (!call) return null;
  const server = call.serverId
    ? await db().mcpServer.findUnique({ where: { id: call.serverId }, select: { name: true } })
    : null;
  return {
    server: server?.name ?? null,
    upstreamName: call.upstreamName,
    calledAt: call.calledAt?.toISOString() ?? null,
  };
}
