/** Any base works: only whether the parsed URL stays on it matters. */
const BASE = 'http://warden.invalid';

/**
 * Where to send someone after signing in: only a path on this site. The value is parsed the way a browser parses a
 * link (which drops tabs and line breaks: "/\t/evil.example" is "//evil.example", another host) and kept only if it
 * stays on this origin; control characters are refused outright (a line break in a redirect was a 500). Sign-in
 * itself and the API are never destinations. Pure, so its table test covers every trick.
 */
export function safeCallbackUrl(value: string | null | undefined, fallback = '/queue'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (!value || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (parsed.origin !== BASE || value.startsWith('//')) return fallback;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  if (parsed.pathname === '/sign-in' || parsed.pathname.startsWith('/api/')) return fallback;
  return path;
}
