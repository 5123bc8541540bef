import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

/**
 * A small CRM / ticketing MCP server built on the official SDK (McpServer + StreamableHTTPServerTransport,
 * stateless): the upstream the demo registers and the tests call through Warden. It keeps its tickets in memory and
 * remembers every call it served, so a test can see exactly what reached the upstream.
 *
 * `revision` 2 changes create_ticket's description and schema (a required `priority`): a changed upstream
 * definition, which Warden must hold for review.
 */
export type DemoCrmCall = { tool: string; args: Record<string, unknown>; authorization: string | undefined };

export type DemoCrmServer = {
  url: string;
  calls: DemoCrmCall[];
  setRevision(revision: 1 | 2): void;
  close(): Promise<void>;
};

const CUSTOMERS = [
  { id: 'CUS-1', name: 'Acme GmbH', email: 'ops@acme.test' },
  { id: 'CUS-2', name: 'Globex Ltd', email: 'it@globex.test' },
];

function buildServer(revision: 1 | 2, record: (tool: string, args: Record<string, unknown>) => void): McpServer {
  const server = new McpServer({ name: 'demo-crm', version: '1.0.0' });
  const tickets = new Map<string, { subject: string; status: string }>();
  const reply = (value: unknown) => ({ content: [{ type: 'text' as const, text: JSON.stringify(value) }] });

  server.registerTool(
    'search_customers',
    {
      description: 'Find customers whose name contains the query.',
      inputSchema: { query: z.string().min(1) },
      annotations: { readOnlyHint: true },
    },
    (args) => {
      record('search_customers', args);
      return reply(CUSTOMERS.filter((c) => c.name.toLowerCase().includes(args.query.toLowerCase())));
    },
  );

  const ticketShape: z.ZodRawShape = {
    customerId: z.string(),
    subject: z.string().min(1),
    ...(revision === 2 ? { priority: z.enum(['low', 'high']) } : {}),
  };
  server.registerTool(
    'create_ticket',
    {
      description:
        revision === 1
          ? 'Open a support ticket for a customer.'
          : 'Open a support ticket for a customer, with a priority.',
      inputSchema: ticketShape,
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
    },
    (args) => {
      record('create_ticket', args);
      const id = `TCK-${Date.now().toString(36)}`;
      tickets.set(id, { subject: String(args.subject), status: 'open' });
      return reply({ ticketId: id, status: 'open' });
    },
  );

  server.registerTool(
    'close_ticket',
    {
      description: 'Close a ticket with a resolution note.',
      inputSchema: { ticketId: z.string(), resolution: z.string().min(1) },
      annotations: { destructiveHint: true, openWorldHint: false },
    },
    (args) => {
      record('close_ticket', args);
      return reply({ ticketId: args.ticketId, status: 'closed' });
    },
  );

  server.registerTool(
    'email_customer',
    {
      description: 'Send an e-mail to a customer.',
      inputSchema: { customerId: z.string(), subject: z.string(), body: z.string() },
      annotations: { destructiveHint: true, openWorldHint: true },
    },
    (args) => {
      record('email_customer', args);
      if (!CUSTOMERS.some((c) => c.id === args.customerId))
        return { isError: true, content: [{ type: 'text' as const, text: `No customer ${args.customerId}.` }] };
      return reply({ messageId: `MSG-${Date.now().toString(36)}`, to: args.customerId });
    },
  );
  return server;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

/** Starts the server on `port` (0: any free port). With `token`, every request must carry `Authorization: Bearer <token>`. */
export async function startDemoCrmServer(
  options: { port?: number; host?: string; token?: string } = {},
): Promise<DemoCrmServer> {
  const calls: DemoCrmCall[] = [];
  let revision: 1 | 2 = 1;
  const http: Server = createServer((request, response) => {
    void (async () => {
      if (options.token && request.headers.authorization !== `Bearer ${options.token}`) {
        response.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' });
        response.end(JSON.stringify({ error: 'unauthorized' }));
        return;
      }
      // Stateless: a server and a transport per request, as the SDK's stateless example does.
      const server = buildServer(revision, (tool, args) =>
        calls.push({ tool, args, authorization: request.headers.authorization }),
      );
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      response.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(request, response, request.method === 'POST' ? await readBody(request) : undefined);
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: error instanceof Error ? error.message : 'failed' }));
    });
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/mcp`,
    calls,
    setRevision(next) {
      revision = next;
    },
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}
