import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import { encode } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authenticateUser } from '../users/authenticate-user';
import { authLogger } from './auth-logger';
import { authSettings } from '../auth/auth-settings';
import { clientAddress } from '../auth/client-address';
import { endSession } from '../auth/end-session';
import { readSession } from '../auth/read-session';
import { useSecureCookies } from '../auth/session-cookie';
import { sessionClaims } from '../auth/session-token';
import { startSession } from '../auth/start-session';

/** Thrown from the jwt callback when the cookie's session no longer holds; next-auth then clears the cookie. */
class SessionEndedError extends Error {
  name = 'SessionEnded';
}

/**
 * Email + password sign-in with JWT sessions (the only kind next-auth's Credentials provider supports), each backed by
 * a session row: the token names the row, so sign-out ends it on the server, and the row's absolute end
 * (WARDEN_SESSION_MAX_AGE_SECONDS from sign-in) caps the token's own expiry however often /api/auth/session renews it.
 * lib/session/get-session-user.ts checks the row, the user and the session version on every request.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: authSettings().WARDEN_SESSION_MAX_AGE_SECONDS },
  useSecureCookies: useSecureCookies(),
  pages: { signIn: '/sign-in' },
  logger: authLogger,
  jwt: {
    // Never past the session's absolute end, whatever maxAge next-auth asks for on renewal.
    async encode(params) {
      const end = params.token?.end;
      const maxAge = params.maxAge ?? authSettings().WARDEN_SESSION_MAX_AGE_SECONDS;
      const capped =
        typeof end === 'number' ? Math.max(0, Math.min(maxAge, end - Math.floor(Date.now() / 1000))) : maxAge;
      return encode({ ...params, maxAge: capped });
    },
  },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const user = await authenticateUser(credentials, clientAddress(request?.headers));
        return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const session = await startSession(user.id);
        return {
          ...token,
          sub: user.id,
          sv: (user as { sessionVersion?: number }).sessionVersion ?? 0,
          sid: session.id,
          end: Math.floor(session.expiresAt.getTime() / 1000),
        };
      }
      const claims = sessionClaims(token);
      if (!claims || !(await readSession(claims))) throw new SessionEndedError('the session has ended');
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
  events: {
    async signOut({ token }) {
      const claims = sessionClaims(token);
      if (claims) await endSession(claims.sid);
    },
  },
};
