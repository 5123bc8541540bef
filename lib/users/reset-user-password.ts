import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { withHashingSlot } from '../auth/with-hashing-slot';
import { issueOneTimePassword } from './one-time-password';
import { getUserForChange, type UserRef } from './user-ref';

/** A new one-time password for a user (returned once), which they must change at sign-in; their sessions end now. */
export async function resetUserPassword(actor: Actor, ref: UserRef) {
  assertCan(actor, 'users.manage');
  const oneTime = await withHashingSlot(() => issueOneTimePassword());
  const email = await db().$transaction(async (tx) => {
    const user = await getUserForChange(tx, ref);
    await tx.user.update({ where: { id: user.id }, data: { ...oneTime.fields, sessionVersion: { increment: 1 } } });
    await recordAuditEvent(tx, {
      actor,
      type: 'user.password_reset',
      payload: { email: user.email, expiresAt: oneTime.fields.passwordExpiresAt.toISOString() },
    });
    return user.email;
  });
  return { email, password: oneTime.password, expiresAt: oneTime.fields.passwordExpiresAt };
}
