import type { WardenClient } from './client.js';
import {
  WardenApiError,
  WardenBlockedError,
  WardenDraftError,
  WardenRejectedError,
  WardenExpiredError,
  WardenSdkError,
} from './errors.js';
import type { ActionView, JsonObject, ProposeInput } from './types.js';

/** What a single call says about itself: shown to the reviewer and written to the audit log. */
export type GuardedCallContext = Omit<ProposeInput, 'tool' | 'params'> & {
  /** How long to wait for a reviewer before giving up with `WardenExpiredError` (default: the tool's `timeoutMs`). */
  timeoutMs?: number;
  /** Reuse to make a retried call land on the same action; one is generated per call otherwise. */
  idempotencyKey?: string;
  signal?: AbortSignal;
};

export type GuardedToolSpec<P extends JsonObject, R> = {
  tool: string;
  /**
   * The real side effect. Receives the params Warden released at claim, which are exactly the approved ones: when a
   * reviewer edited them, the edited version (`action.edited`, `action.originalParams`), not the ones proposed.
   */
  run: (params: P, action: ActionView<P>) => Promise<R> | R;
  /**
   * Called before `run` when a reviewer changed the parameters: e.g. to log it or tell the user. Throwing here stops
   * the call: the action is reported failed with that error and the error is rethrown.
   */
  onEdited?: (edit: { params: P; originalParams: P; action: ActionView<P> }) => Promise<void> | void;
  /** A default `reason` from the params, when the call gives none. */
  describe?: (params: P) => string;
  /** What to report as `output` (default: the result itself, which must then be JSON). */
  output?: (result: R) => unknown;
  /** The downstream system's id for what was done, e.g. a refund id. */
  downstreamRef?: (result: R) => string | undefined;
  /** Default wait for a decision: 5 minutes, like the approval timeouts of comparable tools. */
  timeoutMs?: number;
};

export type GuardedTool<P extends JsonObject, R> = (params: P, context?: GuardedCallContext) => Promise<R>;

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const ATTEMPTS = 3;

/**
 * Wraps a tool so it runs only when Warden lets it: propose → wait for the decision → claim (bound to the params
 * hash) → run with the params Warden returned (a reviewer may have edited them: `onEdited`) → report the result, or
 * report the failure and rethrow it.
 * Anything but an approval throws: `WardenBlockedError`, `WardenRejectedError`, `WardenDraftError`, `WardenExpiredError`
 * (from the wait), `WardenApiError` (invalid params 422, throttled 429, …).
 */
export function guardedTool<P extends JsonObject, R>(
  client: WardenClient,
  spec: GuardedToolSpec<P, R>,
): GuardedTool<P, R> {
  return async (params, context = {}) => {
    const {
      timeoutMs = spec.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      idempotencyKey = globalThis.crypto.randomUUID(),
      signal,
      ...about
    } = context;
    const reason = about.reason ?? spec.describe?.(params);
    const proposal = await retrying(() =>
      client.propose({ ...about, reason, tool: spec.tool, params }, { idempotencyKey, signal }),
    );

    switch (proposal.decision.outcome) {
      case 'blocked':
        throw new WardenBlockedError(proposal.id, proposal.decision.reasons, 'proposal');
      case 'draft':
        throw new WardenDraftError(proposal.id, proposal.decision.reasons);
    }
    const decided = await client.waitForDecision<P>(proposal.id, { timeoutMs, signal });
    if (decided.status === 'rejected') throw new WardenRejectedError(decided);
    // Nobody decided before the review deadline: expiry blocks, never approves.
    if (decided.status === 'expired')
      throw new WardenExpiredError(
        decided.id,
        decided.status,
        Date.parse(decided.updatedAt) - Date.parse(decided.createdAt),
      );
    // Blocked while waiting (e.g. a stop at claim): the latest reason says why, else the gate's.
    if (decided.status === 'blocked')
      throw new WardenBlockedError(
        decided.id,
        decided.decision.reason ? [decided.decision.reason] : decided.decision.reasons,
        'proposal',
      );
    // executing/succeeded/failed: a reused idempotency key found a call that was already carried out.
    if (decided.status !== 'approved')
      throw new WardenSdkError(`Action ${decided.id} is already ${decided.status}; not running it again`, decided.id);

    const claimed = await client.claim<P>(decided.id, { paramsHash: decided.paramsHash, signal });
    let result: R;
    try {
      if (claimed.edited && spec.onEdited)
        await spec.onEdited({
          params: claimed.params,
          originalParams: claimed.originalParams ?? params,
          action: claimed,
        });
      result = await spec.run(claimed.params, claimed);
    } catch (error) {
      await report(client, claimed.id, { ok: false, error: errorMessage(error) });
      throw error;
    }
    await report(client, claimed.id, {
      ok: true,
      output: spec.output ? spec.output(result) : result,
      downstreamRef: spec.downstreamRef?.(result),
    });
    return result;
  };
}

/** A result that is lost would leave the action "executing" forever: retry, and accept a report that already landed. */
async function report(client: WardenClient, id: string, result: Parameters<WardenClient['reportResult']>[1]) {
  try {
    await retrying(() => client.reportResult(id, result));
  } catch (error) {
    const landed =
      error instanceof WardenApiError &&
      error.status === 409 &&
      (error.details.status === 'succeeded' || error.details.status === 'failed');
    if (!landed) throw error;
  }
}

/** Retries what is safe to retry: network failures, 5xx, and "same Idempotency-Key still running". */
async function retrying<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof WardenApiError && error.retryable) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message || 'the tool failed').slice(0, 5000);
}
