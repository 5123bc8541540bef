import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from './app/path-header';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

/**
 * An optimistic redirect only: a visitor without a session cookie is sent to sign-in before any page renders.
 * A cookie being present proves nothing; every page and domain function checks the session for real.
 * next-auth may split a large token into `…session-token.0`, `.1`, …, hence the prefix match.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSessionCookie = request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
  if (!hasSessionCookie) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(signIn);
  }
  // Overwrites any client-sent header of the same name.
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything except the APIs (agents and next-auth answer for themselves), Next's assets, sign-in and static files.
  matcher: ['/((?!api/|api$|_next/|sign-in|favicon\\.ico|robots\\.txt|.*\\.[a-zA-Z0-9]+$).*)'],
};
