import { db } from '../db/client';

/** Sign-out: the session row ends now, so a copy of its cookie is refused from the next request on. */
export async function endSession(sessionId: string): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}
