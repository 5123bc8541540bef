import { createHash, timingSafeEqual } from 'node:crypto';

export type ScrapeAccess = 'disabled' | 'refused' | 'allowed';

/**
 * Whether an Authorization header carries the metrics token. No token configured: the endpoint does not exist.
 * Compared in constant time over SHA-256 digests, so neither the token's bytes nor its length show in the timing.
 */
export function authorizeScrape(authorization: string | null, token: string | undefined): ScrapeAccess {
  if (!token) return 'disabled';
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  const given = createHash('sha256')
    .update(match?.[1] ?? '')
    .digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected) && match ? 'allowed' : 'refused';
}
