import { db } from '../db/client';
import type { UserActor } from './actor';
import { parseRoles } from './roles';
import type { SessionClaims } from './session-token';

export type SessionUser = { sessionId: string; actor: UserActor; mustChangePassword: boolean };

/**
 * The session named by a token's claims, if it still holds: its row exists, has not ended (sign-out) or expired
 * (absolute lifetime), belongs to the token's user, who is not disabled and whose session version has not moved
 * ("sign out everywhere", disable, password reset). One query.
 */
export async function readSession(claims: SessionClaims, now = new Date()): Promise<SessionUser | null> {
  if (claims.end * 1000 <= now.getTime()) return null;
  const session = await db().userSession.findUnique({ where: { id: claims.sid }, include: { user: true } });
  if (!session || session.endedAt || session.expiresAt <= now || session.userId !== claims.sub) return null;
  const { user } = session;
  if (user.disabled || user.sessionVersion !== claims.sv) return null;
  return {
    sessionId: session.id,
    actor: { type: 'user', id: user.id, email: user.email, name: user.name, roles: parseRoles(user.roles) },
    mustChangePassword: user.mustChangePassword,
  };
}
