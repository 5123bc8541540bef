import type { Actor } from '../auth/actor';
import { verifyPassword } from '../auth/password';
import { recordSignInAttempt } from '../auth/sign-in-throttle';
import { withHashingSlot } from '../auth/with-hashing-slot';
import { db } from '../db/client';
import { WardenError } from '../errors';

/**
 * Step-up for deliberate acts in the console: the session alone is not enough, the person types their password
 * again. Checked like a sign-in (same hash check, same hashing cap), and a wrong one counts towards the sign-in
 * throttle of their e-mail and address, so a stolen session cannot guess it at leisure.
 */
export async function verifyStepUp(
  actor: Extract<Actor, { type: 'user' }>,
  password: string | undefined,
  address: string,
): Promise<void> {
  const user = await db().user.findUnique({
    where: { id: actor.id },
    select: { email: true, passwordHash: true, disabled: true },
  });
  if (!user || user.disabled) throw new WardenError('unauthenticated', 'Your session has ended. Sign in again.');
  const matches = Boolean(password) && (await withHashingSlot(() => verifyPassword(password!, user.passwordHash)));
  if (!matches) {
    await recordSignInAttempt({ email: user.email, address, succeeded: false });
    throw new WardenError('invalid_input', 'The password is not correct.', {
      fields: [{ path: 'password', message: 'not correct' }],
    });
  }
}
