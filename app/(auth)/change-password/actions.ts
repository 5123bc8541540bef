'use server';

import { getSessionUser } from '@/lib/auth/get-session-user';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import type { ChangeOwnPasswordInput } from '@/lib/users/schemas';
import { toFormError } from '../../(console)/errors';

/**
 * Any signed-in person, including one who must still replace a one-time password (getUserActor refuses them,
 * so this reads the session itself). Their other sessions end; this one stays.
 */
export async function changeOwnPasswordAction(input: ChangeOwnPasswordInput): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    const session = await getSessionUser();
    if (!session) return { ok: false, error: 'Your session has ended. Sign in again.' };
    await changeOwnPassword(session.actor, input, session.sessionId);
    return { ok: true };
  } catch (error) {
    return toFormError(error);
  }
}
