import { getServerSession } from 'next-auth';
import { db } from '../db/client';
import type { Actor } from './actor';
import { authOptions } from './next-auth-options';
import { parseRoles } from './roles';

export type UserActor = Extract<Actor, { type: 'user' }>;

/**
 * The signed-in person, re-read from the database on every request: a disabled user or a bumped session version
 * ends the session now, not when the JWT expires. Returns null when nobody (valid) is signed in.
 */
export async function getUserActor(): Promise<UserActor | null> {
  const session = (await getServerSession(authOptions)) as { userId?: string; sv?: number } | null;
  if (!session?.userId) return null;
  const user = await db().user.findUnique({ where: { id: session.userId } });
  if (!user || user.disabled || user.sessionVersion !== (session.sv ?? 0)) return null;
  return { type: 'user', id: user.id, email: user.email, name: user.name, roles: parseRoles(user.roles) };
}
