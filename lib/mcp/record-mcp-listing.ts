import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/client';
import { planToolChanges, type NewChange } from './plan-tool-changes';
import type { UpstreamToolDefinition } from './tool-definition';

export type McpListing = { ok: true; tools: UpstreamToolDefinition[] } | { ok: false; error: string };

/**
 * Records, inside the caller's transaction, what one listing of a server's tools found: the server's status and
 * refresh time, the new pending changes, the superseded ones. The catalogue itself is not touched.
 */
export async function recordMcpListing(
  tx: Tx,
  serverId: string,
  listing: McpListing,
  at: Date,
): Promise<{ status: string; created: NewChange[] }> {
  if (!listing.ok) {
    await tx.mcpServer.update({
      where: { id: serverId },
      data: { status: 'error', lastError: listing.error, lastRefreshAt: at },
    });
    return { status: 'error', created: [] };
  }
  const [imported, pending] = await Promise.all([
    tx.mcpTool.findMany({ where: { serverId }, select: { upstreamName: true, definitionHash: true } }),
    tx.mcpToolChange.findMany({
      where: { serverId, status: 'pending' },
      select: { id: true, upstreamName: true, kind: true, definitionHash: true },
    }),
  ]);
  const plan = planToolChanges(imported, pending, listing.tools);
  if (plan.supersede.length > 0)
    await tx.mcpToolChange.updateMany({
      where: { id: { in: plan.supersede }, status: 'pending' },
      data: { status: 'superseded', decidedAt: at },
    });
  for (const change of plan.create)
    await tx.mcpToolChange.create({
      data: {
        id: randomUUID(),
        serverId,
        upstreamName: change.upstreamName,
        kind: change.kind,
        definition: JSON.stringify(change.definition ?? {}),
        definitionHash: change.definitionHash,
        suggestedLevel: change.suggestedLevel,
        detectedAt: at,
      },
    });
  await tx.mcpServer.update({ where: { id: serverId }, data: { status: 'ok', lastError: null, lastRefreshAt: at } });
  return { status: 'ok', created: plan.create };
}

/** Lists the upstream's tools, turning a failure into a recorded status instead of an exception. */
export async function readMcpListing(list: () => Promise<UpstreamToolDefinition[]>): Promise<McpListing> {
  try {
    return { ok: true, tools: await list() };
  } catch (error) {
    return { ok: false, error: (error instanceof Error ? error.message : 'unreachable').slice(0, 500) };
  }
}
