import type { UserActor } from '@/lib/auth/get-user-actor';
import { getUserActor } from '@/lib/auth/get-user-actor';
import { toFormError } from './errors';

/** What a server action that returns data hands back to its client component. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };

/** For server actions: the signed-in user runs `work`; expected errors become a message (see errors.ts). */
export async function runAsUser<T>(work: (actor: UserActor) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again.' };
    return { ok: true, data: await work(actor) };
  } catch (error) {
    return toFormError(error);
  }
}
