import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { readSession, type SessionUser } from '../auth/read-session';
import { sessionCookieName } from '../auth/session-cookie';
import { sessionClaims } from '../auth/session-token';
import { noteRequestActor } from '../logging/request-actor';

/**
 * The session of this request, read straight from its cookie (no next-auth round trip, nothing written back) and
 * checked against the database. A missing, junk, tampered or expired cookie is simply "signed out": decoding
 * failures are expected input, not errors, so nothing is logged.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!token || !secret || token.length > 4096) return null;
  let decoded: Record<string, unknown> | null;
  try {
    decoded = await decode({ token, secret });
  } catch {
    return null;
  }
  const claims = sessionClaims(decoded);
  const session = claims ? await readSession(claims) : null;
  // Every console page, action and session read comes through here: the request log learns the person (by id).
  if (session) noteRequestActor({ type: 'user', id: session.actor.id });
  return session;
}
