import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { getUserForChange, type UserRef } from './user-ref';

/**
 * Ends every session of a user on their next request: the session version moves, and every session cookie carries
 * the version it was issued under. Admins for anyone; everyone for themselves.
 */
export async function signOutUserEverywhere(actor: Actor, ref: UserRef) {
  if (!(actor.type === 'user' && 'id' in ref && ref.id === actor.id)) assertCan(actor, 'users.manage');
  return db().$transaction(async (tx) => {
    const user = await getUserForChange(tx, ref);
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await recordAuditEvent(tx, { actor, type: 'user.signed_out_everywhere', payload: { email: user.email } });
    return { email: user.email };
  });
}
