import { ZodError } from 'zod';
import { fieldIssues, isWardenError } from '../errors';
import { BodyTooLargeError } from './read-body';
import { logger } from '../logging/logger';

export type ErrorPayload = { status: number; body: { error: Record<string, unknown> } };

/** Every agent-API error has one shape: `{ error: { code, message, ...details } }`. Unknown errors reveal nothing. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (isWardenError(error))
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...error.details } } };
  if (error instanceof ZodError) {
    const issues = fieldIssues(error.issues);
    const message = `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
    return { status: 422, body: { error: { code: 'invalid_input', message, issues } } };
  }
  logger().error({ err: error }, 'unexpected error in agent API');
  return { status: 500, body: { error: { code: 'internal', message: 'Warden could not complete the request.' } } };
}

export function errorResponse(error: unknown): Response {
  const { status, body } = toErrorPayload(error);
  // A body left unread (too large even to drain) would be taken for the next request: close the connection.
  const close = error instanceof BodyTooLargeError && !error.drained;
  return Response.json(body, {
    status,
    headers: close ? { Connection: 'close' } : status === 429 ? { 'Retry-After': '1' } : undefined,
  });
}
