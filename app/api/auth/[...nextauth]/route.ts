import NextAuth from 'next-auth';
import { admitSignIn } from '@/lib/auth/admit-sign-in';
import { clientAddress } from '@/lib/auth/client-address';
import { passwordSignInEnabled } from '@/lib/auth/oidc-settings';
import { authOptions } from '@/lib/session/next-auth-options';

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth, with the password sign-in admitted first (lib/auth/admit-sign-in.ts): while the account or address is
 * locked out, or the server is hashing as many passwords as it may, the answer is 429 with Retry-After, in the JSON
 * shape next-auth's client reads (`url` naming the error), which the sign-in form shows as "Too many attempts".
 */
async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join('/') !== 'callback/credentials') return handler(request, context);
  // WARDEN_PASSWORD_SIGNIN=off: there is no credentials provider; say so plainly rather than through next-auth's error.
  if (!passwordSignInEnabled()) {
    const url = new URL('/api/auth/error?error=PasswordSignInOff', request.url);
    return Response.json({ url: url.toString() }, { status: 403 });
  }
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = form?.get('email');
  const admission = await admitSignIn({
    email: typeof email === 'string' ? email : '',
    address: clientAddress(request.headers),
  });
  if (!admission.admitted) {
    const url = new URL(
      `/api/auth/error?error=${admission.reason === 'locked' ? 'TooManyAttempts' : 'Busy'}`,
      request.url,
    );
    return Response.json(
      { url: url.toString() },
      { status: 429, headers: { 'Retry-After': String(admission.retryAfterSeconds) } },
    );
  }
  try {
    return await handler(request, context);
  } finally {
    admission.release();
  }
}

export { handler as GET, POST };
