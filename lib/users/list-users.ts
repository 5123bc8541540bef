import { assertCan, type Actor } from '../auth/actor';
import { parseRoles } from '../auth/roles';
import { db } from '../db/client';

export type UserStatus = 'active' | 'disabled' | 'must_change_password';

/** Everyone, by email: roles, status and last sign-in (for the Users page and `user list`). Reads only. */
export async function listUsers(actor: Actor) {
  assertCan(actor, 'users.manage');
  const users = await db().user.findMany({ orderBy: { email: 'asc' } });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    roles: parseRoles(user.roles),
    status: (user.disabled ? 'disabled' : user.mustChangePassword ? 'must_change_password' : 'active') as UserStatus,
    passwordExpiresAt: user.passwordExpiresAt,
    lastSignInAt: user.lastSignInAt,
    createdAt: user.createdAt,
  }));
}
