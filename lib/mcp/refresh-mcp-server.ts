import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { mcpServerView, type McpServerView } from './mcp-server-view';
import type { NewChange } from './plan-tool-changes';
import { readMcpListing, recordMcpListing } from './record-mcp-listing';
import { listUpstreamTools } from './upstream-client';

export type McpRefresh = { server: McpServerView; changes: NewChange[] };

/**
 * Lists the server's tools again and says what changed: new tools, changed descriptions or schemas, tools gone.
 * Each is held as a pending change; the catalogue keeps the accepted definitions until an admin accepts (a changed
 * definition is an attack surface: an upstream must not re-describe a tool agents already hold).
 */
export async function refreshMcpServer(actor: Actor, serverId: string): Promise<McpRefresh> {
  assertCan(actor, 'mcp.manage');
  const found = await db().mcpServer.findUnique({ where: { id: serverId } });
  if (!found) throw new WardenError('not_found', 'No such MCP server.');
  const listing = await readMcpListing(() => listUpstreamTools(found));
  const at = new Date();
  return db().$transaction(async (tx) => {
    const { status, created } = await recordMcpListing(tx, serverId, listing, at);
    const names = (kind: string) => created.filter((c) => c.kind === kind).map((c) => c.upstreamName);
    await recordAuditEvent(tx, {
      actor,
      type: 'mcp_server.refreshed',
      payload: {
        serverId,
        name: found.name,
        status,
        added: names('added'),
        changed: names('changed'),
        removed: names('removed'),
      },
    });
    return {
      server: mcpServerView(await tx.mcpServer.findUniqueOrThrow({ where: { id: serverId } })),
      changes: created,
    };
  });
}
