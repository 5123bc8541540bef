import { randomUUID } from 'node:crypto';
import { db } from '../db/client';
import { authSettings } from './auth-settings';

/**
 * A new session row for a sign-in that just succeeded: it ends at sign-in + the absolute lifetime, whatever
 * /api/auth/session does later. Also records the user's last sign-in and forgets their sessions that ended a day ago.
 */
export async function startSession(userId: string): Promise<{ id: string; expiresAt: Date }> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + authSettings().WARDEN_SESSION_MAX_AGE_SECONDS * 1000);
  const id = randomUUID();
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await db().$transaction(async (tx) => {
    await tx.userSession.deleteMany({
      where: { userId, OR: [{ expiresAt: { lt: dayAgo } }, { endedAt: { lt: dayAgo } }] },
    });
    await tx.userSession.create({ data: { id, userId, createdAt: now, expiresAt } });
    await tx.user.update({ where: { id: userId }, data: { lastSignInAt: now } });
  });
  return { id, expiresAt };
}
