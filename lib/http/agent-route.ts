import { authenticateKeyHash, presentedKeyHash } from '../auth/authenticate-agent-key';
import type { Actor } from '../auth/actor';
import { invalidInput, WardenError } from '../errors';
import { agentBodyLimits, type BodyLimits } from './agent-limits';
import { errorResponse } from './error-response';
import { readBodyText } from './read-body';
import { findJsonIssue } from './scan-json';

type AgentActor = Extract<Actor, { type: 'agent' }>;
type RouteContext<P> = { params: Promise<P> };
type Handler<P, E> = (ctx: {
  actor: AgentActor;
  request: Request;
  params: P;
  early: E;
}) => Promise<{ status?: number; body: unknown; replayed?: boolean }>;

/**
 * The one wrapper for agent-API routes: Bearer key → agent actor, then the handler, then errors mapped to
 * their HTTP status. Handlers parse their input and call one domain function.
 *
 * `early` (the proposal route's) starts while the key is being looked up, with the presented key's hash: work that
 * needs no good key, such as reading the body, and reads keyed by the key that decide nothing until it is found good
 * (lib/gate/prefetch-gate-inputs.ts). Its outcome, a failure included, counts only after the key is found good, so a
 * bad key is a 401 whatever the body, as on every route. A request that presents no key at all starts nothing.
 */
export function agentRoute<P = Record<string, never>, E = undefined>(
  handler: Handler<P, E>,
  early?: (request: Request, keyHash: string) => Promise<E>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const keyHash = presentedKeyHash(request.headers.get('authorization'));
      const started = keyHash && early ? early(request, keyHash) : undefined;
      // Handled here so a bad key's early failure is not reported as unhandled; it is awaited again below.
      started?.catch(() => {});
      const actor = await authenticateKeyHash(keyHash);
      const params = await context.params;
      const { status = 200, body, replayed } = await handler({ actor, request, params, early: (await started) as E });
      const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
      if (replayed) headers['Idempotent-Replayed'] = 'true';
      return Response.json(body, { status, headers });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Reads a JSON body within the limits, before anything is parsed: over the byte limit → 413 (reading stops at the
 * limit); invalid UTF-8, nesting too deep, duplicate or prototype keys, lone surrogates, unrepresentable numbers →
 * 422 naming the field (see scan-json.ts); not JSON → 422.
 */
export async function readJson(request: Request, limits: BodyLimits = agentBodyLimits()): Promise<unknown> {
  const body = await readOptionalJson(request, limits);
  if (body === null) throw notJson();
  return body;
}

/** For endpoints whose body is optional: an empty body is `null`, anything else must be JSON within the limits. */
export async function readOptionalJson(request: Request, limits: BodyLimits = agentBodyLimits()): Promise<unknown> {
  const text = await readBodyText(request, limits.maxBytes);
  if (!text.trim()) return null;
  const issue = findJsonIssue(text, limits);
  if (issue) throw invalidInput(`Invalid request: ${issue.path}: ${issue.message}`, [issue]);
  try {
    return JSON.parse(text);
  } catch {
    throw notJson();
  }
}

function notJson(): WardenError {
  return new WardenError('invalid_input', 'The request body must be JSON.', {
    issues: [{ path: '(body)', message: 'not valid JSON' }],
  });
}
