import { authenticateAgentKey } from '../auth/authenticate-agent-key';
import type { Actor } from '../auth/actor';
import { WardenError } from '../errors';
import { errorResponse } from './error-response';

type AgentActor = Extract<Actor, { type: 'agent' }>;
type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (ctx: { actor: AgentActor; request: Request; params: P }) => Promise<{ status?: number; body: unknown; replayed?: boolean }>;

/**
 * The one wrapper for agent-API routes: Bearer key → agent actor, then the handler, then errors mapped to
 * their HTTP status. Handlers parse their input and call one domain function.
 */
export function agentRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await authenticateAgentKey(request.headers.get('authorization'));
      const { status = 200, body, replayed } = await handler({ actor, request, params: await context.params });
      const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
      if (replayed) headers['Idempotent-Replayed'] = 'true';
      return Response.json(body, { status, headers });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads a JSON body, answering 422 (not 500) when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new WardenError('invalid_input', 'The request body must be JSON.', { issues: [{ path: '(body)', message: 'not valid JSON' }] });
  }
}

/** For endpoints whose body is optional: an empty body is `null`, anything else must be JSON. */
export async function readOptionalJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new WardenError('invalid_input', 'The request body must be JSON.', { issues: [{ path: '(body)', message: 'not valid JSON' }] });
  }
}
