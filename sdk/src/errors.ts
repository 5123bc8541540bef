import type { ActionView, ApiErrorBody, FieldIssue } from './types.js';

/** Every error the SDK throws on purpose; `instanceof WardenSdkError` separates them from your tool's own errors. */
export class WardenSdkError extends Error {
  constructor(
    message: string,
    readonly actionId: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The API answered with an error (or could not be reached: `status` 0, code `network_error`). */
export class WardenApiError extends WardenSdkError {
  readonly details: ApiErrorBody['error'];
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    details?: ApiErrorBody['error'],
    options?: { cause?: unknown; actionId?: string },
  ) {
    super(`Warden API ${status || 'unreachable'} ${code}: ${message}`, options?.actionId ?? null, options);
    this.details = details ?? { code, message };
  }

  /** Worth retrying with the same Idempotency-Key: nothing was decided, or we cannot know. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || (this.status === 409 && this.details.status === undefined);
  }
}

/** Refused by the gate (`outcome: blocked`) or when claiming (stop, pause or grant changed since approval). */
export class WardenBlockedError extends WardenSdkError {
  constructor(
    actionId: string,
    readonly reasons: string[],
    readonly stage: 'proposal' | 'claim',
  ) {
    super(`Warden blocked the action at ${stage}: ${reasons.join('; ') || 'no reason given'}`, actionId);
  }
}

/** A reviewer said no; `reason` is the reviewer's comment (null when they gave none). */
export class WardenRejectedError extends WardenSdkError {
  readonly reason: string | null;
  readonly decidedBy: string | null;
  constructor(readonly action: ActionView) {
    super(`A reviewer rejected the action${action.decision.reason ? `: ${action.decision.reason}` : ''}`, action.id);
    this.reason = action.decision.reason;
    this.decidedBy = action.decision.decidedBy;
  }
}

/** No decision arrived in time (the action may still be decided later), or the action expired in Warden. */
export class WardenExpiredError extends WardenSdkError {
  constructor(
    actionId: string,
    readonly lastStatus: string,
    readonly waitedMs: number,
  ) {
    super(`No decision for action ${actionId} after ${Math.round(waitedMs / 1000)} s (status ${lastStatus})`, actionId);
  }
}

/**
 * The agent runs in draft-only mode, so the call was recorded as a draft for a human to carry out: it must not be
 * executed by the agent. An error rather than a result because the tool's return value does not exist.
 */
export class WardenDraftError extends WardenSdkError {
  constructor(
    actionId: string,
    readonly reasons: string[],
  ) {
    super(`Recorded as a draft for a human; not executed: ${reasons.join('; ')}`, actionId);
  }
}
