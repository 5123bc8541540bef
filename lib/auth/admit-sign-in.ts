import { checkSignInThrottle } from './sign-in-throttle';
import { acquireHashingSlot } from './hashing-slots';

export type SignInAdmission =
  { admitted: true; release: () => void } | { admitted: false; reason: 'locked' | 'busy'; retryAfterSeconds: number };

/**
 * Before a password is checked: refused while the account or the address is locked out (even with the right
 * password: that is the point of a lock), or when this process is already hashing as many passwords as it may and as many more wait.
 * The caller releases the slot when the sign-in has been answered.
 */
export async function admitSignIn(input: { email: string; address: string }): Promise<SignInAdmission> {
  const verdict = await checkSignInThrottle({ email: input.email.trim().toLowerCase(), address: input.address });
  if (verdict.locked) return { admitted: false, reason: 'locked', retryAfterSeconds: verdict.retryAfterSeconds };
  const release = await acquireHashingSlot();
  if (!release) return { admitted: false, reason: 'busy', retryAfterSeconds: 1 };
  return { admitted: true, release };
}
