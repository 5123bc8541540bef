import 'server-only';
import type { UserActor } from '../auth/actor';
import { getSessionUser } from './get-session-user';

/**
 * The signed-in person, re-read from the database on every request: sign-out, the absolute lifetime, a disabled user
 * or a bumped session version end the session now, not when the cookie expires. Someone who still has to replace a
 * one-time password is not an actor yet (they may only change it: see getSessionUser). Null when nobody is.
 */
export async function getUserActor(): Promise<UserActor | null> {
  const session = await getSessionUser();
  if (!session || session.mustChangePassword) return null;
  return session.actor;
}
