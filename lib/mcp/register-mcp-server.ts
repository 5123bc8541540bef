import { randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { assertAllowedDestination } from '../egress/assert-allowed-destination';
import { invalidInput, WardenError } from '../errors';
import { sealCredential } from './credential-box';
import { mcpServerView, type McpServerView } from './mcp-server-view';
import { readMcpListing, recordMcpListing } from './record-mcp-listing';
import { registerMcpServerSchema, type RegisterMcpServerInput } from './schemas';
import { listUpstreamTools } from './upstream-client';

/**
 * Registers an upstream MCP server: its credential sealed at rest, then its tools listed once and recorded as
 * pending `added` changes for an admin to import with a confirmed action level. An upstream that cannot be reached
 * is registered all the same, with status `error` and the reason (refresh it later). The credential is never
 * returned, audited or put in an error.
 */
export async function registerMcpServer(actor: Actor, input: RegisterMcpServerInput): Promise<McpServerView> {
  assertCan(actor, 'mcp.manage');
  const data = registerMcpServerSchema.parse(input);
  const url = new URL(data.url);
  if (url.username || url.password)
    throw invalidInput('url must not carry credentials: give them as the credentials field', [
      { path: 'url', message: 'must not carry a user name or password' },
    ]);
  // An upstream is an outbound destination like a notification channel: the same egress policy (WARDEN_EGRESS_ALLOW).
  assertAllowedDestination(data.url);
  const credentials = data.credentials ? sealCredential(data.credentials) : null;
  const listing = await readMcpListing(() => listUpstreamTools({ url: data.url, credentials }));
  const at = new Date();
  return db().$transaction(async (tx) => {
    if (await tx.mcpServer.findUnique({ where: { name: data.name } }))
      throw new WardenError('conflict', `An MCP server named "${data.name}" is already registered.`);
    const server = await tx.mcpServer.create({
      data: { id: randomUUID(), name: data.name, url: data.url, credentials },
    });
    const { status, created } = await recordMcpListing(tx, server.id, listing, at);
    await recordAuditEvent(tx, {
      actor,
      type: 'mcp_server.registered',
      payload: {
        serverId: server.id,
        name: server.name,
        url: `${url.origin}${url.pathname}`,
        found: created.length,
        status,
      },
    });
    return mcpServerView(await tx.mcpServer.findUniqueOrThrow({ where: { id: server.id } }));
  });
}
