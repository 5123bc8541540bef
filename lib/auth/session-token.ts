/** What Warden keeps in the (encrypted) next-auth token: the user, their session version, and the session row. */
export type SessionClaims = { sub: string; sv: number; sid: string; end: number };

export function sessionClaims(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { sub, sv, sid, end } = token;
  if (typeof sub !== 'string' || typeof sv !== 'number' || typeof sid !== 'string' || typeof end !== 'number')
    return null;
  return { sub, sv, sid, end };
}
