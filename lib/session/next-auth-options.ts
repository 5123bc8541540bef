import 'server-only';
import type { NextAuthOptions, User } from 'next-auth';
import { encode } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig, Provider } from 'next-auth/providers/index';
import { authenticateUser } from '../users/authenticate-user';
import { IDENTITY_PROVIDER_ACTOR, signInWithOidc, type OidcRefusal } from '../users/sign-in-with-oidc';
import { oidcSettings, passwordSignInEnabled, type OidcSettings } from '../auth/oidc-settings';
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

/** The id of the single sign-on provider: its callback is /api/auth/callback/oidc (register that with the provider). */
export const OIDC_PROVIDER_ID = 'oidc';

/** What signInWithOidc returned, carried from the provider's profile() to the signIn callback that refuses. */
type ProviderUser = User & { sessionVersion?: number; refusal?: OidcRefusal };

/**
 * Single sign-on through next-auth's OAuth provider in OpenID Connect mode: discovery from the issuer, the code flow
 * with PKCE, state and nonce checked (next-auth's `checks`), the ID token's signature, issuer and audience checked by
 * openid-client, and the person read from the ID token's claims. profile() is where the claims become a Warden user
 * (lib/users/sign-in-with-oidc.ts) or a refusal, which the signIn callback turns into the sign-in page's message.
 */
function oidcProvider(settings: OidcSettings): OAuthConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: 'oauth',
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: settings.scopes } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    async profile(claims): Promise<ProviderUser> {
      const result = await signInWithOidc(IDENTITY_PROVIDER_ACTOR, claims, settings);
      if (!result.ok) return { id: `refused:${result.reason}`, refusal: result.reason };
      const { id, email, name, sessionVersion } = result.user;
      return { id, email, name, sessionVersion };
    },
  };
}

/** Password sign-in, unless WARDEN_PASSWORD_SIGNIN=off: then there is no credentials provider to post to at all. */
function providers(): Provider[] {
  const oidc = oidcSettings();
  return [
    ...(passwordSignInEnabled()
      ? [
          CredentialsProvider({
            name: 'Email and password',
            credentials: {
              email: { label: 'Email', type: 'email' },
              password: { label: 'Password', type: 'password' },
            },
            async authorize(credentials, request) {
              const user = await authenticateUser(credentials, clientAddress(request?.headers));
              return user
                ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }
                : null;
            },
          }),
        ]
      : []),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ];
}

/** The sign-in page's error code for a refused single sign-on (app/(auth)/sign-in/sign-in-errors.ts words them). */
const REFUSAL_CODES: Record<OidcRefusal, string> = {
  email_unverified: 'SsoEmailUnverified',
  unknown_user: 'SsoUnknownUser',
  disabled: 'SsoDisabled',
  no_role: 'SsoNoRole',
  last_admin: 'SsoLastAdmin',
};

/**
 * Email + password and/or single sign-on, with JWT sessions (the only kind next-auth's Credentials provider supports),
 * each backed by a session row: the token names the row, so sign-out ends it on the server, and the row's absolute end
 * (WARDEN_SESSION_MAX_AGE_SECONDS from sign-in) caps the token's own expiry however often /api/auth/session renews it.
 * lib/session/get-session-user.ts checks the row, the user and the session version on every request, whichever way
 * the person signed in (so disabling a user in Warden ends a single sign-on session too).
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: authSettings().WARDEN_SESSION_MAX_AGE_SECONDS },
  useSecureCookies: useSecureCookies(),
  // Errors of the provider's round trip (state or nonce mismatch, a refused consent) come back to the sign-in page.
  pages: { signIn: '/sign-in', error: '/sign-in' },
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
  providers: providers(),
  callbacks: {
    signIn({ user }) {
      const refusal = (user as ProviderUser).refusal;
      return refusal ? `/sign-in?error=${REFUSAL_CODES[refusal]}` : true;
    },
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
