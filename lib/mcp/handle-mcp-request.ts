import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
  type CreateTaskResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { Actor } from '../auth/actor';
import { authenticateAgentKey } from '../auth/authenticate-agent-key';
import { fieldIssues, isWardenError } from '../errors';
import { readJson } from '../http/agent-route';
import { errorResponse } from '../http/error-response';
import { withIdempotency } from '../http/idempotency';
import { callMcpTool } from './call-mcp-tool';
import { listGrantedMcpTools } from './list-granted-mcp-tools';
import { MCP_META, mcpCallMetaSchema } from './mcp-call-meta';
import { refusal } from './mcp-results';
import { mcpTaskStore, TASK_POLL_MS } from './mcp-task-store';
import { startMcpTask } from './start-mcp-task';

/** While a call is held for review, a progress notification this often keeps a client's timeout from firing. */
const PROGRESS_MS = 10_000;

/**
 * Warden as an MCP server (`/api/mcp`): streamable HTTP, stateless (a server per request, JSON-RPC over POST only),
 * the agent's key as the bearer token. Every answer is per caller: `Cache-Control: private, no-store`.
 */
export async function handleMcpRequest(request: Request): Promise<Response> {
  let actor: Extract<Actor, { type: 'agent' }>;
  try {
    actor = await authenticateAgentKey(request.headers.get('authorization'));
  } catch (error) {
    const response = errorResponse(error);
    if (response.status === 401)
      response.headers.set('WWW-Authenticate', 'Bearer realm="warden", error="invalid_token"');
    return perCaller(response);
  }
  if (request.method !== 'POST')
    return perCaller(
      Response.json(
        {
          jsonrpc: '2.0',
          error: { code: -32000, message: 'Method not allowed: Warden serves MCP statelessly over POST.' },
          id: null,
        },
        { status: 405, headers: { Allow: 'POST' } },
      ),
    );
  let body: unknown;
  try {
    body = await readJson(request);
  } catch (error) {
    return perCaller(errorResponse(error));
  }
  const server = mcpServerFor(actor, consoleOrigin(request));
  // A plain JSON answer costs half what an event stream does; a stream only when there is something to stream before
  // the answer: progress notifications, which a client asks for with a progressToken.
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: !asksForProgress(body),
  });
  await server.connect(transport);
  return perCaller(await transport.handleRequest(request, { parsedBody: body }));
}

function asksForProgress(body: unknown): boolean {
  const messages = Array.isArray(body) ? (body as unknown[]) : [body];
  return messages.some((message) => {
    const meta = (message as { params?: { _meta?: { progressToken?: unknown } } } | null)?.params?._meta;
    return meta?.progressToken !== undefined;
  });
}

function perCaller(response: Response): Response {
  response.headers.set('Cache-Control', 'private, no-store');
  response.headers.set('Vary', 'Authorization');
  return response;
}

function consoleOrigin(request: Request): string {
  return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : new URL(request.url).origin;
}

/**
 * One JSON Schema validator for every request's server: by default each Server builds its own Ajv instance, which cost
 * more CPU than the rest of the server's construction (docs/BENCHMARKS.md). It holds compiled schemas only, nothing
 * of a caller.
 */
const schemaValidator = new AjvJsonSchemaValidator();

function mcpServerFor(actor: Extract<Actor, { type: 'agent' }>, origin: string): Server {
  const server = new Server(
    { name: 'warden', version: '1.0.0' },
    {
      // Tasks (protocol 2025-11-25, experimental in the SDK): a client may ask for one on tools/call and follow it
      // with tasks/get and tasks/result instead of holding the request while a person decides.
      capabilities: { tools: { listChanged: false }, tasks: { requests: { tools: { call: {} } } } },
      taskStore: mcpTaskStore(actor, origin),
      defaultTaskPollInterval: TASK_POLL_MS,
      jsonSchemaValidator: schemaValidator,
      instructions:
        'Every tool call goes through Warden: it may run at once, wait for a human reviewer, or be refused; results say which.',
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => {
    try {
      // Every tool may be called as a task (`execution.taskSupport`), which is how clients learn they may ask.
      const tools = await listGrantedMcpTools(actor);
      return { tools: tools.map((tool) => ({ ...tool, execution: { taskSupport: 'optional' as const } })) };
    } catch (error) {
      // The SDK would put the message in its JSON-RPC error: never a database's or a library's words.
      console.error('[warden] MCP tools/list failed', error);
      throw new Error('Warden could not list the tools.');
    }
  });
  server.setRequestHandler(
    CallToolRequestSchema,
    async (request, extra): Promise<CallToolResult | CreateTaskResult> => {
      // A task's answer is the task: a refusal before there is one is a JSON-RPC error instead of an isError result.
      const asTask = request.params.task !== undefined;
      const refuse = (text: string): CallToolResult => {
        if (asTask) throw new McpError(ErrorCode.InvalidParams, text);
        return refusal(text);
      };
      const parsed = mcpCallMetaSchema.safeParse(request.params._meta ?? {});
      if (!parsed.success)
        return refuse(
          `Invalid _meta: ${fieldIssues(parsed.error.issues)
            .map((i) => `${i.path}: ${i.message}`)
            .join('; ')}`,
        );
      const meta = parsed.data;
      const args = request.params.arguments ?? {};
      const progressToken = request.params._meta?.progressToken;
      let beats = 0;
      const heartbeat =
        progressToken === undefined
          ? null
          : setInterval(() => {
              beats += 1;
              void extra
                .sendNotification({
                  method: 'notifications/progress',
                  params: { progressToken, progress: beats, message: 'waiting for a human reviewer' },
                })
                .catch(() => undefined); // the client went away: the held call ends with it
            }, PROGRESS_MS);
      try {
        const { [MCP_META.idempotencyKey]: key, ...rest } = meta;
        const reply = await withIdempotency(
          actor.id,
          key ?? null,
          { name: request.params.name, arguments: args, meta: rest, ...(asTask && { task: true }) },
          async () => {
            const call = { name: request.params.name, args, meta, consoleOrigin: origin };
            return {
              status: 200,
              body: asTask
                ? await startMcpTask(actor, call)
                : await callMcpTool(actor, { ...call, signal: extra.signal }),
            };
          },
        );
        if (reply.status !== 200) return refuse(errorText(reply.body));
        return reply.body as CallToolResult | CreateTaskResult;
      } catch (error) {
        if (error instanceof McpError) throw error;
        if (isWardenError(error)) return refuse(error.message);
        console.error('[warden] MCP tools/call failed', error);
        return refuse('Warden could not complete the call.');
      } finally {
        if (heartbeat) clearInterval(heartbeat);
      }
    },
  );
  return server;
}

function errorText(body: unknown): string {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string' ? error.message : 'Warden could not complete the call.';
}
