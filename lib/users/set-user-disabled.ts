import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertActiveAdminRemains, lockActiveAdmins } from './active-admins';
import { getUserForChange, type UserRef } from './user-ref';

/**
 * Disables (or enables) a user. Disabling ends every session at once (the session version moves, so enabling later
 * does not revive an old cookie) and is refused for the last active admin.
 */
export async function setUserDisabled(actor: Actor, ref: UserRef, disabled: boolean) {
  assertCan(actor, 'users.manage');
  return db().$transaction(async (tx) => {
    if (disabled) await lockActiveAdmins(tx);
    const user = await getUserForChange(tx, ref);
    const { count } = await tx.user.updateMany({
      where: { id: user.id, disabled: !disabled },
      data: { disabled, ...(disabled ? { sessionVersion: { increment: 1 } } : {}) },
    });
    if (count !== 1)
      throw new WardenError('conflict', `${user.email} is already ${disabled ? 'disabled' : 'enabled'}.`);
    if (disabled) await assertActiveAdminRemains(tx, user.email);
    await recordAuditEvent(tx, {
      actor,
      type: disabled ? 'user.disabled' : 'user.enabled',
      payload: { email: user.email },
    });
    return { email: user.email, disabled };
  });
}
