import type { UserActor } from '../auth/actor';
import { hashPassword, verifyPassword } from '../auth/password';
import { withHashingSlot } from '../auth/with-hashing-slot';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { changeOwnPasswordSchema, type ChangeOwnPasswordInput } from './schemas';

/**
 * A person replaces their own password (the current one required, also when replacing a one-time password).
 * Their other sessions end; the one they are using (`keepSessionId`) stays. Compare-and-set on the old hash.
 */
export async function changeOwnPassword(actor: UserActor, input: ChangeOwnPasswordInput, keepSessionId: string) {
  const data = changeOwnPasswordSchema.parse(input);
  const user = await db().user.findUnique({ where: { id: actor.id } });
  if (!user || user.disabled) throw new WardenError('unauthenticated', 'Your session has ended. Sign in again.');
  const newHash = await withHashingSlot(async () => {
    if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
      throw new WardenError('invalid_input', 'The current password is not correct.', {
        fields: [{ path: 'currentPassword', message: 'not correct' }],
      });
    }
    return hashPassword(data.newPassword);
  });
  await db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash: newHash, mustChangePassword: false, passwordExpiresAt: null },
    });
    if (count !== 1) throw new WardenError('conflict', 'Your password was changed meanwhile. Sign in again.');
    await tx.userSession.updateMany({
      where: { userId: user.id, endedAt: null, id: { not: keepSessionId } },
      data: { endedAt: new Date() },
    });
    await recordAuditEvent(tx, { actor, type: 'user.password_changed', payload: { email: user.email } });
  });
}
