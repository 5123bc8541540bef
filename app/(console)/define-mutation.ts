import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { ZodError, type z } from 'zod';
import type { UserActor } from '@/lib/auth/actor';
import { getUserActor } from '@/lib/session/get-user-actor';
import { fieldIssues, isWardenError, type FieldIssue } from '@/lib/errors';
import { logger } from '@/lib/logging/logger';

/**
 * Every server action of the console is a "mutation" (the domain's "action" is an agent's tool call), built here:
 * it resolves the signed-in person, validates its input with zod, runs ONE domain call, and maps what went wrong to
 * a message for the form. `next-safe-action` was weighed and not taken: its result shape ({ data, serverError,
 * validationErrors }) would change every client component; this is the same idea in one small file.
 */

/** What a mutation called with arguments hands back to its client component: its data, or the message to show. */
export type MutationResult<T> = { ok: true; data: T } | { ok: false; error: string };
/** A form's failure also names the failing fields, for messages next to their controls. */
export type FormFailure = { ok: false; error: string; issues: FieldIssue[] };
/** What a form's mutation (`useActionState`) hands back: nothing yet, a success note, or a failure. */
export type FormState = { ok: true; message?: string } | FormFailure | null;

type Definition<Schema extends z.ZodType, Actor, T> = {
  /** Names the mutation in the server's log when it fails unexpectedly. */
  name: string;
  input: Schema;
  run: (actor: Actor, input: z.output<Schema>) => Promise<T>;
  /** Who may call it at all; by default any signed-in person whose password need not be replaced. */
  actor?: () => Promise<Actor | null>;
};

const SESSION_ENDED = 'Your session has ended. Sign in again.';

async function perform<Schema extends z.ZodType, Actor, T>(
  definition: Definition<Schema, Actor, T>,
  raw: unknown,
): Promise<{ ok: true; data: T } | FormFailure> {
  try {
    // The session first: a caller without one learns only that, whatever they sent.
    const actor = await (definition.actor ?? (getUserActor as () => Promise<Actor | null>))();
    if (!actor) return { ok: false, error: SESSION_ENDED, issues: [] };
    return { ok: true, data: await definition.run(actor, definition.input.parse(raw)) };
  } catch (error) {
    unstable_rethrow(error); // redirect() and Next's other control flow are not failures
    return toFailure(definition.name, error);
  }
}

/** Expected failures (the domain's WardenError, invalid input naming its field) become a message; anything else is a bug. */
function toFailure(name: string, error: unknown): FormFailure {
  if (isWardenError(error))
    return { ok: false, error: error.message, issues: (error.details.issues as FieldIssue[] | undefined) ?? [] };
  if (error instanceof ZodError) {
    const named = error.issues.map((issue) => `${issue.path.join('.') || 'form'} ${issue.message}`).join('; ');
    return { ok: false, error: `Invalid input: ${named}`, issues: fieldIssues(error.issues) };
  }
  logger().error({ err: error, mutation: name }, 'mutation failed unexpectedly');
  return {
    ok: false,
    error: 'Something went wrong on the server. Reload the page to see whether the change was made.',
    issues: [],
  };
}

/** A mutation called with one argument (or none: `input: z.void()`), answering `{ ok, data }` or a failure. */
export function defineMutation<Schema extends z.ZodType, T, Actor = UserActor>(
  definition: Definition<Schema, Actor, T>,
) {
  return async (input: z.input<Schema>): Promise<MutationResult<T>> => {
    const result = await perform(definition, input);
    return result.ok ? result : { ok: false, error: result.error };
  };
}

/**
 * A form's mutation for `useActionState`: the form's fields are the input; `run` may return a note to show, or
 * call `redirect()`.
 */
export function defineFormMutation<Schema extends z.ZodType, Actor = UserActor>(
  definition: Definition<Schema, Actor, string | void>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const result = await perform(definition, Object.fromEntries(formData));
    if (!result.ok) return result;
    return result.data ? { ok: true, message: result.data } : { ok: true };
  };
}
