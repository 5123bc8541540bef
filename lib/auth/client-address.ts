/**
 * The address a sign-in came from, for per-address throttling: the rightmost X-Forwarded-For entry, which is what
 * the nearest proxy saw (Next fills the header in with the socket's address when no proxy set it). Without a proxy
 * that sets or appends the header, a client can choose this value; the per-account throttle holds regardless.
 */
export function clientAddress(
  headers: { get(name: string): string | null } | Record<string, unknown> | undefined,
): string {
  const raw =
    typeof (headers as { get?: unknown })?.get === 'function'
      ? (headers as { get(name: string): string | null }).get('x-forwarded-for')
      : (headers as Record<string, unknown> | undefined)?.['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : typeof raw === 'string' ? raw : '';
  const last = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return (last ?? 'unknown').slice(0, 64);
}
