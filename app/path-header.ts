/** Set by proxy.ts on every page request: the path and query asked for, so sign-in can send people back to it. */
export const PATH_HEADER = 'x-warden-path';

/** Only same-origin relative paths; "//evil.example" and "/\evil.example" would leave the site. */
export function safeCallbackUrl(value: string | null | undefined, fallback = '/queue'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value === '/sign-in' || value.startsWith('/sign-in?') || value.startsWith('/api/')) return fallback;
  return value;
}
