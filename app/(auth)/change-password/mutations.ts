'use server';

import { getSessionUser } from '@/lib/session/get-session-user';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { changeOwnPasswordSchema } from '@/lib/users/schemas';
import { defineMutation } from '../../(console)/define-mutation';

/**
 * Any signed-in person, including one who must still replace a one-time password (getUserActor refuses them,
 * so this reads the session itself). Their other sessions end; this one stays.
 */
export const changeOwnPasswordMutation = defineMutation({
  name: 'changeOwnPasswordMutation',
  input: changeOwnPasswordSchema,
  actor: getSessionUser,
  run: async (session, input) => {
    await changeOwnPassword(session.actor, input, session.sessionId);
  },
});
