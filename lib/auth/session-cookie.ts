/**
 * Where the session cookie lives. next-auth names it after the scheme of NEXTAUTH_URL; we decide the same thing
 * once, here, and hand it to next-auth (`useSecureCookies`) so the console reads exactly the cookie next-auth wrote.
 */
export function useSecureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
}

export function sessionCookieName(): string {
  return `${useSecureCookies() ? '__Secure-' : ''}next-auth.session-token`;
}
