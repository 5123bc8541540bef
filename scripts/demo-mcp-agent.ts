// The example agent's MCP mode (`npm run demo:agent -- --mcp`): the official SDK's MCP client pointed at Warden's
// /api/mcp with the agent's key. It lists the tools Warden grants it, then makes a realistic mix of calls to the
// demo CRM upstream's tools (scripts/demo-mcp-server.ts, registered on /mcp-servers) and prints what came back with
// the action's status. `npm start` in demo mode runs that upstream and seeds it for demo-crm-assistant: a read
// allowed and run, invalid arguments refused, a ticket queued for review, an e-mail made a draft by a draft-only
// switch, and close_ticket (never granted) blocked; each is an action in the console.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

type Call = { label: string; tool: string; args: Record<string, unknown>; reason: string };

/** By upstream tool name: the agent finds them under whatever server name the admin registered. */
const CALLS: Call[] = [
  { label: 'search customers', tool: 'search_customers', args: { query: 'acme' }, reason: 'Ticket from Acme.' },
  { label: 'invalid params', tool: 'search_customers', args: { query: '' }, reason: 'Empty search by mistake.' },
  {
    label: 'open a ticket',
    tool: 'create_ticket',
    args: { customerId: 'CUS-1', subject: 'Printer offline' },
    reason: 'Customer reported an outage.',
  },
  {
    label: 'e-mail the customer',
    tool: 'email_customer',
    args: { customerId: 'CUS-1', subject: 'We are on it', body: 'Hi, we opened a ticket for your printer.' },
    reason: 'Keep the customer informed.',
  },
  {
    label: 'close a ticket',
    tool: 'close_ticket',
    args: { ticketId: 'TCK-1', resolution: 'Fixed remotely.' },
    reason: 'Resolved.',
  },
];

export async function runMcpDemo(url: string, key: string, waitSeconds: number): Promise<void> {
  const transport = new StreamableHTTPClientTransport(new URL('/api/mcp', url), {
    requestInit: { headers: { Authorization: `Bearer ${key}` } },
  });
  const client = new Client({ name: 'warden-demo-agent', version: '1.0.0' });
  await client.connect(transport);
  const { tools } = await client.listTools();
  console.log(`MCP: Warden lists ${tools.map((t) => t.name).join(', ') || 'no tools'} for this agent\n`);
  // A tool not listed is called all the same, under the server's prefix: Warden refuses it as ungranted.
  const prefix = tools[0]?.name.split('.')[0] ?? 'crm';
  for (const call of CALLS) {
    const name = tools.find((t) => t.name.endsWith(`.${call.tool}`))?.name ?? `${prefix}.${call.tool}`;
    const result = (await client.callTool(
      { name, arguments: call.args, _meta: { 'dev.warden/reason': call.reason, 'dev.warden/wait': waitSeconds } },
      undefined,
      { timeout: (waitSeconds + 30) * 1000 },
    )) as CallToolResult;
    const text = result.content.map((c) => (c.type === 'text' ? c.text : `[${c.type}]`)).join(' ');
    // The action's status and its page in the console, where a reviewer sees (and decides) the same call.
    const action = result._meta?.['dev.warden/action'] as { status?: string; url?: string } | undefined;
    const status = action?.url ? `[${action.status}] ${action.url}` : '[no action]';
    console.log(`${result.isError ? '✗' : '✓'} ${call.label.padEnd(22)} ${name} ${status}: ${text.slice(0, 160)}`);
  }
  await client.close();
}
