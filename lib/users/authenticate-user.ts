import { recordSignInAttempt } from '../auth/sign-in-throttle';
import { verifyPassword } from '../auth/password';
import { parseRoles } from '../auth/roles';
import { db } from '../db/client';
import { signInSchema } from './schemas';

/**
 * Email + password → the user, or null. Same answer (and the same hashing cost) for an unknown email, a wrong
 * password, a disabled user and an expired one-time password. Every checked password is recorded for the throttle
 * (lib/auth/sign-in-throttle.ts); the caller has already been admitted by it (lib/auth/admit-sign-in.ts).
 */
export async function authenticateUser(input: unknown, address: string) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db().user.findUnique({ where: { email } });
  const usable =
    user &&
    !user.disabled &&
    !(user.mustChangePassword && user.passwordExpiresAt && user.passwordExpiresAt <= new Date());
  const matches = await verifyPassword(password, usable ? user.passwordHash : DUMMY_HASH);
  const succeeded = Boolean(usable && matches);
  await recordSignInAttempt({ email, address, succeeded });
  if (!succeeded || !user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: parseRoles(user.roles),
    sessionVersion: user.sessionVersion,
  };
}

const DUMMY_HASH = 'scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
