import { ZodError } from 'zod';
import { fieldIssues, isWardenError } from '../errors';

/** Every agent-API error has one shape: `{ error: { code, message, ...details } }`. Unknown errors reveal nothing. */
export function errorResponse(error: unknown): Response {
  if (isWardenError(error)) {
    return Response.json({ error: { code: error.code, message: error.message, ...error.details } }, { status: error.status });
  }
  if (error instanceof ZodError) {
    const issues = fieldIssues(error.issues);
    const message = `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
    return Response.json({ error: { code: 'invalid_input', message, issues } }, { status: 422 });
  }
  console.error('[warden] unexpected error in agent API', error);
  return Response.json({ error: { code: 'internal', message: 'Warden could not complete the request.' } }, { status: 500 });
}
