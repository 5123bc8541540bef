/**
 * The one error type of Warden. Domain functions throw it; transports map `code` to an HTTP status
 * (agent API) or to a message (console). Anything else that escapes is a bug: logged, shown as 500.
 */
export const ERROR_STATUS = {
  invalid_input: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldIssue = { path: string; message: string };

export class WardenError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra, safe-to-show facts: failing fields, the current status of a conflicting action, … */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'WardenError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isWardenError(error: unknown): error is WardenError {
  return error instanceof WardenError;
}

/** Turns zod issues into `{ path, message }` pairs that name the field. */
export function fieldIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

export function invalidInput(message: string, issues: FieldIssue[]): WardenError {
  return new WardenError('invalid_input', message, { issues });
}
