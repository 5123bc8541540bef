import { WardenApiError, WardenBlockedError, WardenExpiredError } from './errors.js';
import type {
  ActionStatus,
  ActionView,
  ApiErrorBody,
  Authority,
  JsonObject,
  ProposalResult,
  ProposeInput,
  ResultReport,
} from './types.js';

export type WardenClientOptions = {
  /** Where the console runs, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** The agent's key (`wdn_…`). */
  apiKey: string;
  /** Defaults to the global fetch (Node ≥ 20). */
  fetch?: typeof fetch;
};

type CallOptions = { signal?: AbortSignal };

/** The server holds a long-poll at most this long. */
const MAX_WAIT_SECONDS = 60;
/** Slack on top of a long-poll before we give up on a silent connection. */
const REQUEST_GRACE_MS = 15_000;
const MIN_POLL_INTERVAL_MS = 1000;

export type WardenClient = ReturnType<typeof createWardenClient>;

/** A typed client for the agent API; one instance per agent key. Methods throw the errors of ./errors.ts. */
export function createWardenClient(options: WardenClientOptions) {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function request<T>(
    method: 'GET' | 'POST',
    path: string,
    init: {
      body?: unknown;
      headers?: Record<string, string>;
      timeoutMs?: number;
      signal?: AbortSignal;
      actionId?: string;
    } = {},
  ) {
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.apiKey}`,
      accept: 'application/json',
      ...init.headers,
    };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const signals = [AbortSignal.timeout(init.timeoutMs ?? 30_000), ...(init.signal ? [init.signal] : [])];
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.any(signals),
      });
    } catch (cause) {
      if (init.signal?.aborted) throw cause; // the caller cancelled: not ours to dress up
      throw new WardenApiError(
        0,
        'network_error',
        `${method} ${path} failed: ${(cause as Error).message}`,
        [],
        undefined,
        { cause, actionId: init.actionId },
      );
    }
    const text = await response.text();
    const body = parseJson(text);
    if (!response.ok) throw apiError(response.status, body, text, init.actionId);
    return { body: body as T, headers: response.headers };
  }

  async function getAction<P extends JsonObject = JsonObject>(
    id: string,
    { waitSeconds = 0, signal }: { waitSeconds?: number } & CallOptions = {},
  ) {
    const wait = Math.max(0, Math.min(MAX_WAIT_SECONDS, Math.ceil(waitSeconds)));
    const query = wait > 0 ? `?wait=${wait}` : '';
    const { body } = await request<ActionView<P>>('GET', `/api/v1/actions/${encodeURIComponent(id)}${query}`, {
      timeoutMs: wait * 1000 + REQUEST_GRACE_MS,
      signal,
      actionId: id,
    });
    return body;
  }

  return {
    /** The agent's state and the tools it may propose, with their JSON Schemas. */
    async authority(callOptions: CallOptions = {}): Promise<Authority> {
      return (await request<Authority>('GET', '/api/v1/agent', callOptions)).body;
    },

    /**
     * Proposes a tool call. The outcome is data (approved, pending_review, draft, blocked); a 429 or an invalid call
     * throws `WardenApiError`. With an idempotency key, a retry of the same call returns the first answer.
     */
    async propose<P extends JsonObject>(
      input: ProposeInput<P>,
      { idempotencyKey, signal }: { idempotencyKey?: string } & CallOptions = {},
    ) {
      const { body, headers } = await request<ProposalResult>('POST', '/api/v1/actions', {
        body: input,
        signal,
        headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
      });
      return { ...body, replayed: headers.get('idempotent-replayed') === 'true' };
    },

    getAction,

    /**
     * Long-polls (≤ 60 s a request) until the action leaves pending_review, and returns it whatever it became.
     * Throws `WardenExpiredError` when `timeoutMs` passes first.
     */
    async waitForDecision<P extends JsonObject = JsonObject>(
      id: string,
      { timeoutMs, signal }: { timeoutMs: number } & CallOptions,
    ): Promise<ActionView<P>> {
      const started = Date.now();
      for (;;) {
        const polled = Date.now();
        const remainingMs = timeoutMs - (polled - started);
        const action = await getAction<P>(id, { waitSeconds: Math.max(0, remainingMs) / 1000, signal });
        if (action.status !== 'pending_review') return action;
        const now = Date.now();
        if (now - started >= timeoutMs) throw new WardenExpiredError(id, action.status, now - started);
        // A server that answered at once without holding the poll must not be hammered.
        if (now - polled < MIN_POLL_INTERVAL_MS)
          await sleep(Math.min(MIN_POLL_INTERVAL_MS, timeoutMs - (now - started)), signal);
      }
    },

    /**
     * approved → executing. Pass the `paramsHash` you were shown, so Warden refuses if the approved params differ.
     * Throws `WardenBlockedError` when a stop, pause or lost grant blocks it now; other refusals are `WardenApiError` 409.
     */
    async claim<P extends JsonObject = JsonObject>(
      id: string,
      { paramsHash, signal }: { paramsHash?: string } & CallOptions = {},
    ): Promise<ActionView<P>> {
      try {
        const path = `/api/v1/actions/${encodeURIComponent(id)}/claim`;
        return (
          await request<ActionView<P>>('POST', path, { body: paramsHash ? { paramsHash } : {}, signal, actionId: id })
        ).body;
      } catch (error) {
        if (error instanceof WardenApiError && error.status === 409 && error.details.status === 'blocked') {
          throw new WardenBlockedError(id, error.details.reasons ?? [error.details.message], 'claim');
        }
        throw error;
      }
    },

    /** executing → succeeded / failed. A failed result needs `error`. */
    reportResult,

    /** The rollbacks Warden proposed for this agent (oldest first); `status: 'approved'` lists those to run now. */
    listRollbacks,

    /**
     * Runs every approved rollback this agent has a handler for, oldest first: claim (bound to the approved params),
     * run the handler with the params, report its output (or its error as a failed result). A rollback claimed
     * elsewhere meanwhile, or blocked at claim, is skipped and reported in `skipped`. Rollbacks of tools without a
     * handler are left for someone else.
     */
    async runPendingRollbacks(
      handlers: Record<string, (params: JsonObject, action: ActionView) => Promise<unknown>>,
      callOptions: CallOptions = {},
    ): Promise<{ succeeded: string[]; failed: string[]; skipped: { id: string; reason: string }[] }> {
      const outcome = {
        succeeded: [] as string[],
        failed: [] as string[],
        skipped: [] as { id: string; reason: string }[],
      };
      for (const action of await listRollbacks({ ...callOptions, status: 'approved' })) {
        const handler = handlers[action.tool];
        if (!handler) continue;
        let claimed: ActionView;
        try {
          claimed = await claimAction(action.id, action.paramsHash, callOptions.signal);
        } catch (error) {
          if (error instanceof WardenApiError && error.status === 409) {
            outcome.skipped.push({ id: action.id, reason: error.message });
            continue;
          }
          throw error;
        }
        try {
          const output = await handler(claimed.params, claimed);
          await reportResult(action.id, { ok: true, output: output as never }, callOptions);
          outcome.succeeded.push(action.id);
        } catch (error) {
          await reportResult(action.id, { ok: false, error: (error as Error).message ?? String(error) }, callOptions);
          outcome.failed.push(action.id);
        }
      }
      return outcome;
    },
  };

  async function reportResult(id: string, result: ResultReport, callOptions: CallOptions = {}): Promise<ActionView> {
    return (
      await request<ActionView>('POST', `/api/v1/actions/${encodeURIComponent(id)}/result`, {
        body: result,
        actionId: id,
        ...callOptions,
      })
    ).body;
  }

  async function listRollbacks({ status, signal }: { status?: ActionStatus } & CallOptions = {}): Promise<
    ActionView[]
  > {
    const query = status ? `?status=${encodeURIComponent(status)}` : '';
    return (await request<{ actions: ActionView[] }>('GET', `/api/v1/rollbacks${query}`, { signal })).body.actions;
  }

  async function claimAction(id: string, paramsHash: string, signal?: AbortSignal): Promise<ActionView> {
    return (
      await request<ActionView>('POST', `/api/v1/actions/${encodeURIComponent(id)}/claim`, {
        body: { paramsHash },
        signal,
        actionId: id,
      })
    ).body;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function apiError(status: number, body: unknown, text: string, actionId?: string): WardenApiError {
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  if (!error || typeof error.code !== 'string') {
    return new WardenApiError(status, 'http_error', text.slice(0, 200) || `HTTP ${status}`, [], undefined, {
      actionId,
    });
  }
  return new WardenApiError(status, error.code, error.message, error.issues ?? [], error, { actionId });
}
