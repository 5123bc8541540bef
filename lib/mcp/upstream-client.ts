import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { destinationProblem } from '../egress/destination-problem';
import { openCredential } from './credential-box';
import { toDefinition, type UpstreamToolDefinition } from './tool-definition';

export type UpstreamTarget = { url: string; credentials: string | null };

/** An upstream that could not be reached or answered with an error; the message never carries the credential. */
export class UpstreamError extends Error {}

const TIMEOUT_MS = 30_000;

/**
 * Connections to upstream MCP servers with the official SDK's Client and streamable HTTP transport. The sealed
 * credential is opened only here, for each HTTP request the transport sends (a custom `fetch` adds the bearer token),
 * so no plaintext is kept in a long-lived object; it is scrubbed from any error message. The egress policy is
 * checked on the URL as written (as for notification channels at save), before every use; unlike a channel's
 * delivery, the SDK's fetch does not pin the resolved addresses, so a host name is not re-checked against DNS
 * rebinding.
 *
 * Tool calls share one connected Client per upstream (initialize once, then one HTTP request per call, keep-alive
 * sockets): a new client per call cost three requests and capped the gateway at ~60 calls/s here. The client is
 * kept per URL and matched to the sealed credential as stored, so a re-registration or a new credential (re-sealed,
 * so a new text) gets a new client (two servers registered on one URL with different credentials would take turns
 * replacing it: correct, not fast); a listing (registration, refresh) drops the client of that URL; a failure drops
 * it too (but a JSON-RPC error, which came over a working connection), so the next call connects afresh. A call
 * refused for an unknown session (404: the upstream restarted and forgot it, and ran nothing) is sent once more on a
 * new connection; any other failure is reported, never retried: the upstream may have run the tool.
 */
type Shared = { client: Promise<Client>; key: string };
const shared = new Map<string, Shared>();

function targetKey(target: UpstreamTarget): string {
  return `${target.url}\n${target.credentials ?? ''}`;
}

function connect(target: UpstreamTarget): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(target.url), {
    fetch: (url, init) => {
      // Warden asks; it never listens for what an upstream might send on its own (no sampling, no elicitation):
      // the standalone event stream the SDK opens with a GET is answered "not offered" (405, which the SDK expects)
      // without a request, so a shared connection holds no stream open on the upstream.
      if ((init?.method ?? 'GET').toUpperCase() === 'GET')
        return Promise.resolve(new Response(null, { status: 405, statusText: 'Not used by Warden' }));
      if (!target.credentials) return fetch(url, init);
      const headers = new Headers(init?.headers);
      headers.set('Authorization', `Bearer ${openCredential(target.credentials)}`);
      return fetch(url, { ...init, headers });
    },
  });
  const client = new Client({ name: 'warden-gateway', version: '1.0.0' });
  return client.connect(transport, { timeout: TIMEOUT_MS }).then(() => client);
}

function sharedClient(target: UpstreamTarget): Shared {
  const key = targetKey(target);
  const current = shared.get(target.url);
  if (current?.key === key) return current;
  if (current) drop(target.url, current);
  const entry: Shared = { key, client: connect(target) };
  shared.set(target.url, entry);
  // A failed connection is not kept: the next call tries again.
  entry.client.catch(() => drop(target.url, entry));
  return entry;
}

function drop(url: string, entry: Shared): void {
  if (shared.get(url) === entry) shared.delete(url);
  void entry.client.then(
    (client) => client.close().catch(() => undefined), // closing a dead connection may fail: it is gone either way
    () => undefined,
  );
}

function scrubbed(target: UpstreamTarget, error: unknown): UpstreamError {
  const message = error instanceof Error ? error.message : String(error);
  let token: string | null = null;
  try {
    token = target.credentials ? openCredential(target.credentials) : null;
  } catch {
    // a credential that cannot be opened is not in the message either
  }
  return new UpstreamError(token ? message.split(token).join('[credential]') : message);
}

function assertAllowed(target: UpstreamTarget): void {
  const refused = destinationProblem(target.url);
  if (refused) throw new UpstreamError(refused);
}

/** Closes every shared upstream connection (its keep-alive sockets with it). */
export async function closeUpstreamConnections(): Promise<void> {
  const entries = [...shared.entries()];
  shared.clear();
  await Promise.all(
    entries.map(([, entry]) =>
      entry.client.then(
        (client) => client.close().catch(() => undefined),
        () => undefined,
      ),
    ),
  );
}

/** A listing (registration, refresh) on a connection of its own, closed after; the shared one is dropped. */
export async function listUpstreamTools(target: UpstreamTarget): Promise<UpstreamToolDefinition[]> {
  assertAllowed(target);
  const current = shared.get(target.url);
  if (current) drop(target.url, current);
  let client: Client | null = null;
  try {
    client = await connect(target);
    const tools: UpstreamToolDefinition[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor ? { cursor } : {}, { timeout: TIMEOUT_MS });
      tools.push(...page.tools.map((tool) => toDefinition(tool)));
      cursor = page.nextCursor;
    } while (cursor && tools.length < 1000);
    return tools;
  } catch (error) {
    throw scrubbed(target, error);
  } finally {
    await client?.close().catch(() => undefined);
  }
}

export async function callUpstreamTool(
  target: UpstreamTarget,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  assertAllowed(target);
  for (let attempt = 1; ; attempt++) {
    const entry = sharedClient(target);
    try {
      const client = await entry.client;
      return (await client.callTool({ name, arguments: args }, undefined, { timeout: TIMEOUT_MS })) as CallToolResult;
    } catch (error) {
      // A JSON-RPC error (unknown tool, bad arguments, timeout) came over a working connection: keep it.
      if (error instanceof McpError) throw scrubbed(target, error);
      drop(target.url, entry);
      const sessionLost = error instanceof StreamableHTTPError && error.code === 404;
      if (!sessionLost || attempt > 1) throw scrubbed(target, error);
    }
  }
}
