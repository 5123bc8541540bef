import { assertCan, type Actor } from '../auth/actor';
import type { Role } from '../auth/permissions';
import { parseRoles, serializeRoles } from '../auth/roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertActiveAdminRemains, lockActiveAdmins } from './active-admins';
import { setUserRolesSchema } from './schemas';
import { getUserForChange, type UserRef } from './user-ref';

/** Replaces a user's roles (compare-and-set on the roles read), audited with before and after; never the last admin's. */
export async function setUserRoles(actor: Actor, ref: UserRef, input: { roles: Role[] }) {
  assertCan(actor, 'users.manage');
  const { roles } = setUserRolesSchema.parse(input);
  return db().$transaction(async (tx) => {
    await lockActiveAdmins(tx);
    const user = await getUserForChange(tx, ref);
    const before = parseRoles(user.roles);
    const after = parseRoles(serializeRoles(roles));
    const { count } = await tx.user.updateMany({
      where: { id: user.id, roles: user.roles },
      data: { roles: serializeRoles(after) },
    });
    if (count !== 1)
      throw new WardenError('conflict', `${user.email}'s roles changed meanwhile. Reload and try again.`);
    await assertActiveAdminRemains(tx, user.email);
    await recordAuditEvent(tx, { actor, type: 'user.roles_changed', payload: { email: user.email, before, after } });
    return { email: user.email, roles: after };
  });
}
