import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from './app/path-header';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
/** Server actions' body limit; next.config.js gives Next the same number (serverActions.bodySizeLimit). */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * Every page and server action passes here.
 * - Content-Security-Policy with a fresh nonce per request: Next reads the nonce from the request's CSP header and puts
 *   it on its own scripts (every console page renders per request), and 'strict-dynamic' lets those load the chunks.
 *   Styles allow 'unsafe-inline': React and Radix set style attributes, which nonces cannot cover.
 * - A server action's body over the limit is answered 413 here: Next itself turns its own "Body exceeded" into a 500.
 *   Browsers always send Content-Length with a fetch or form body, so one without it is refused (411).
 * - An optimistic redirect only: a visitor without a session cookie is sent to sign-in before any page renders.
 *   A cookie being present proves nothing; every page and domain function checks the session for real.
 *   next-auth may split a large token into `…session-token.0`, `.1`, …, hence the prefix match.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const csp = contentSecurityPolicy(crypto.randomUUID().replaceAll('-', ''), isHttps(request));
  if (request.method === 'POST') {
    const tooBig = oversizedBody(request);
    if (tooBig)
      return withCsp(
        new NextResponse(tooBig.message, {
          status: tooBig.status,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        }),
        csp,
      );
  }
  const hasSessionCookie = request.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
  if (!hasSessionCookie && pathname !== '/sign-in') {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('callbackUrl', pathname + search);
    return withCsp(NextResponse.redirect(signIn), csp);
  }
  // Overwrites any client-sent header of the same name.
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, pathname + search);
  headers.set('content-security-policy', csp);
  return withCsp(NextResponse.next({ request: { headers } }), csp);
}

function oversizedBody(request: NextRequest): { status: number; message: string } | null {
  const length = request.headers.get('content-length');
  if (length === null) return request.body ? { status: 411, message: 'A Content-Length header is required.' } : null;
  const bytes = Number(length);
  if (!Number.isSafeInteger(bytes) || bytes < 0) return { status: 400, message: 'Content-Length is not a number.' };
  return bytes > SERVER_ACTION_BODY_LIMIT
    ? { status: 413, message: `The request body is over ${SERVER_ACTION_BODY_LIMIT / 1024 / 1024} MB.` }
    : null;
}

/** Behind a TLS-terminating proxy (the only way Warden serves https), the proxy says so in X-Forwarded-Proto. */
function isHttps(request: NextRequest): boolean {
  return (
    request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0].trim() === 'https'
  );
}

function contentSecurityPolicy(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (a local install) upgrading would break every asset.
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

function withCsp(response: NextResponse, csp: string): NextResponse {
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Everything except the APIs (agents and next-auth answer for themselves, with next.config.js's headers), Next's
  // assets and static files. Sign-in is matched for its CSP; it is exempt from the redirect above.
  matcher: ['/((?!api/|api$|_next/|favicon\\.ico|robots\\.txt|.*\\.[a-zA-Z0-9]+$).*)'],
};
