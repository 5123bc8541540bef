import { createHash, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActionView, JsonObject, Outcome } from './types.js';

/**
 * For the SDK's tests only: a small HTTP server that speaks the agent API's protocol (status codes, error bodies,
 * long-poll, idempotency, claim with paramsHash). The real server is exercised by scripts/demo-agent.ts.
 * `decideAs(tool)` says how the "gate" answers each tool; `review()` plays the human reviewer.
 */
export type PeerRequest = { method: string; path: string; headers: IncomingMessage['headers']; body: unknown };

export async function startTestPeer(options: { key: string; decideAs: (tool: string) => Outcome | 'invalid' }) {
  const actions = new Map<string, ActionView>();
  const idempotency = new Map<string, { body: string; reply: unknown }>();
  const changes = new EventEmitter();
  const requests: PeerRequest[] = [];
  let dropNext = 0;
  let blockClaims: string[] | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const path = req.url ?? '';
    requests.push({ method: req.method ?? '', path, headers: req.headers, body });
    if (dropNext > 0) return void (dropNext--, req.socket.destroy());
    if (req.headers.authorization !== `Bearer ${options.key}`)
      return send(res, 401, error('unauthenticated', 'Unknown agent key.'));

    const match = path.match(/^\/api\/v1\/actions\/([^/?]+)(\/claim|\/result)?(?:\?wait=(\d+))?$/);
    if (req.method === 'POST' && path === '/api/v1/actions')
      return propose(req, res, body as { tool: string; params: JsonObject });
    const action = match ? actions.get(match[1]) : undefined;
    if (!match || !action) return send(res, 404, error('not_found', 'No such action.'));
    if (req.method === 'GET') {
      if (action.status === 'pending_review' && match[3]) await once(action.id, Number(match[3]) * 1000);
      return send(res, 200, actions.get(action.id));
    }
    if (match[2] === '/claim') {
      if (action.status !== 'approved')
        return send(res, 409, error('conflict', `It is ${action.status}.`, { status: action.status }));
      const hash = (body as { paramsHash?: string } | null)?.paramsHash;
      if (hash && hash !== action.paramsHash)
        return send(res, 409, error('conflict', 'Params mismatch.', { status: 'approved', reason: 'params_mismatch' }));
      if (blockClaims)
        return send(
          res,
          409,
          error('conflict', 'Blocked at claim.', { status: set(action.id, 'blocked').status, reasons: blockClaims }),
        );
      return send(res, 200, set(action.id, 'executing'));
    }
    if (action.status !== 'executing')
      return send(res, 409, error('conflict', `It is ${action.status}.`, { status: action.status }));
    const report = body as { ok: boolean; output?: unknown; error?: string; downstreamRef?: string };
    return send(
      res,
      200,
      set(action.id, report.ok ? 'succeeded' : 'failed', {
        result: { ok: report.ok, output: report.output ?? null, error: report.error ?? null },
        downstreamRef: report.downstreamRef ?? null,
      }),
    );
  };
  // A handler that throws must not become an unhandled rejection: the request fails, the peer keeps serving.
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });

  function propose(req: IncomingMessage, res: ServerResponse, body: { tool: string; params: JsonObject }) {
    const key = req.headers['idempotency-key'] as string | undefined;
    const seen = key ? idempotency.get(key) : undefined;
    if (seen) {
      if (seen.body !== JSON.stringify(body))
        return send(res, 422, error('invalid_input', 'Key reused with another body.'));
      return send(res, 201, seen.reply, { 'idempotent-replayed': 'true' });
    }
    const outcome = options.decideAs(body.tool);
    if (outcome === 'invalid')
      return send(
        res,
        422,
        error('invalid_input', 'Bad params.', { issues: [{ path: 'params.amount', message: 'must be > 0' }] }),
      );
    const now = new Date().toISOString();
    const view: ActionView = {
      id: randomUUID(),
      status: outcome,
      tool: body.tool,
      params: body.params,
      paramsVersion: 1,
      edited: false,
      reason: null,
      sources: [],
      requester: null,
      requesterVerified: false,
      traceId: 'tr_peer',
      paramsHash: hashOf(body.params),
      approvalsRequired: 0,
      decision: { reasons: [`gate: ${outcome}`], reason: null, decidedBy: null, decidedAt: null },
      result: null,
      downstreamRef: null,
      createdAt: now,
      updatedAt: now,
      rollbackOf: null,
    };
    actions.set(view.id, view);
    const reply = { id: view.id, status: outcome, decision: { outcome, reasons: [`gate: ${outcome}`] } };
    if (key) idempotency.set(key, { body: JSON.stringify(body), reply });
    return send(res, 201, reply);
  }

  function set(id: string, status: ActionView['status'], changes_: Partial<ActionView> = {}) {
    const next = { ...actions.get(id)!, ...changes_, status, updatedAt: new Date().toISOString() };
    actions.set(id, next);
    changes.emit(id);
    return next;
  }

  function once(id: string, ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      changes.once(id, done);
      function done() {
        clearTimeout(timer);
        changes.off(id, done);
        resolve();
      }
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    actions,
    /** The reviewer decides a pending action; with `editedParams`, approves an edited version of its parameters. */
    review: (id: string, status: 'approved' | 'rejected', comment: string | null = null, editedParams?: JsonObject) => {
      const action = actions.get(id)!;
      const edit = editedParams && {
        params: editedParams,
        originalParams: action.params,
        edited: true,
        paramsVersion: action.paramsVersion + 1,
        paramsHash: hashOf(editedParams),
      };
      return set(id, status, {
        ...edit,
        decision: {
          ...action.decision,
          reason: comment,
          decidedBy: 'reviewer@example.com',
          decidedAt: new Date().toISOString(),
        },
      });
    },
    /** Drops the next n connections without answering, as a failing network would. */
    dropConnections: (n: number) => void (dropNext = n),
    /** From now on, claims are refused as a stop or pause would. */
    blockClaims: (reasons: string[]) => void (blockClaims = reasons),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type TestPeer = Awaited<ReturnType<typeof startTestPeer>>;

function hashOf(params: JsonObject): string {
  return createHash('sha256').update(JSON.stringify(params)).digest('hex');
}

function error(code: string, message: string, details: Record<string, unknown> = {}) {
  return { error: { code, message, ...details } };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : null;
}
