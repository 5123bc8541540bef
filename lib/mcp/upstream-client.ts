import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { destinationProblem } from '../egress/destination-problem';
import { openCredential } from './credential-box';
import { toDefinition, type UpstreamToolDefinition } from './tool-definition';

export type UpstreamTarget = { url: string; credentials: string | null };

/** An upstream that could not be reached or answered with an error; the message never carries the credential. */
export class UpstreamError extends Error {}

const TIMEOUT_MS = 30_000;

/**
 * One short connection to an upstream MCP server with the official SDK's Client and streamable HTTP transport; the
 * sealed credential is opened only here, sent as a bearer token, and scrubbed from any error message. The egress
 * policy is checked on the URL as written (as for notification channels at save); unlike a channel's delivery, the
 * SDK's fetch does not pin the resolved addresses, so a host name is not re-checked against DNS rebinding.
 */
async function withUpstream<T>(target: UpstreamTarget, use: (client: Client) => Promise<T>): Promise<T> {
  const refused = destinationProblem(target.url);
  if (refused) throw new UpstreamError(refused);
  let token: string | null = null;
  let client: Client | null = null;
  try {
    // Opened inside the try: a credential sealed under another key is an upstream failure to report, not a crash.
    token = target.credentials ? openCredential(target.credentials) : null;
    const transport = new StreamableHTTPClientTransport(new URL(target.url), {
      requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : undefined,
    });
    client = new Client({ name: 'warden-gateway', version: '1.0.0' });
    await client.connect(transport);
    return await use(client);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UpstreamError(token ? message.split(token).join('[credential]') : message);
  } finally {
    await client?.close().catch(() => undefined);
  }
}

export async function listUpstreamTools(target: UpstreamTarget): Promise<UpstreamToolDefinition[]> {
  return withUpstream(target, async (client) => {
    const tools: UpstreamToolDefinition[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor ? { cursor } : {}, { timeout: TIMEOUT_MS });
      tools.push(...page.tools.map((tool) => toDefinition(tool)));
      cursor = page.nextCursor;
    } while (cursor && tools.length < 1000);
    return tools;
  });
}

export async function callUpstreamTool(
  target: UpstreamTarget,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  return withUpstream(target, async (client) => {
    const result = await client.callTool({ name, arguments: args }, undefined, { timeout: TIMEOUT_MS });
    return result as CallToolResult;
  });
}
