import { notFound } from 'next/navigation';
import { ZodError } from 'zod';
import { isWardenError } from '@/lib/errors';

/** What a server action hands back to its form: nothing yet, a success note, or a message to show in role="alert". */
export type FormResult = { ok: true; message?: string } | { ok: false; error: string } | null;

/**
 * Expected failures (the domain's WardenError, invalid form input) become a message for the person; anything else
 * is a bug: logged on the server and reported without internals.
 */
export function toFormError(error: unknown): { ok: false; error: string } {
  if (isWardenError(error)) return { ok: false, error: error.message };
  if (error instanceof ZodError) {
    return { ok: false, error: `Invalid input: ${error.issues.map((issue) => `${issue.path.join('.') || 'form'} ${issue.message}`).join('; ')}` };
  }
  console.error('Unexpected error in a console action', error);
  return { ok: false, error: 'Something went wrong on the server. Reload the page to see whether the change was made.' };
}

/** For pages: a domain "not found" becomes the 404 page; every other error propagates to the error boundary. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isWardenError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}
