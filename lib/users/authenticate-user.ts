import { verifyPassword } from '../auth/password';
import { parseRoles } from '../auth/roles';
import { db } from '../db/client';
import { signInSchema } from './schemas';

/** Email + password → the user, or null. Same answer for unknown email, wrong password and disabled user. */
export async function authenticateUser(input: unknown) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db().user.findUnique({ where: { email: parsed.data.email } });
  if (!user || user.disabled) {
    await verifyPassword(parsed.data.password, DUMMY_HASH); // same cost either way: no timing oracle for emails
    return null;
  }
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name, roles: parseRoles(user.roles), sessionVersion: user.sessionVersion };
}

const DUMMY_HASH = 'scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
