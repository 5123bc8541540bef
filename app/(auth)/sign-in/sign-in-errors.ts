/**
 * What the sign-in page says for an `?error=` code: single sign-on refusals (lib/session/next-auth-options.ts) and
 * next-auth's own errors of the provider's round trip. Codes not listed get the generic line; nothing from the URL is
 * ever shown as such.
 */
const MESSAGES: Record<string, string> = {
  SsoEmailUnverified:
    'Your identity provider did not confirm your e-mail address, so Warden cannot tell who you are. Verify it there, then try again.',
  SsoUnknownUser: 'There is no Warden account for your e-mail address. Ask a Warden admin to invite you.',
  SsoDisabled: 'Your Warden account is disabled. Ask a Warden admin.',
  SsoNoRole: 'None of your groups at the identity provider gives a role in Warden. Ask a Warden admin.',
  SsoLastAdmin:
    'Your identity provider no longer makes you an admin, and you are the last active admin of Warden, so this sign-in was refused. Make another person an admin first.',
  OAuthSignin: 'Single sign-on could not start: the identity provider did not answer. Try again, or ask an admin.',
  OAuthCallback: 'Single sign-on did not complete: the answer from the identity provider was not accepted. Try again.',
  Callback: 'Single sign-on did not complete. Try again.',
  AccessDenied: 'The sign-in was refused.',
  PasswordSignInOff: 'Password sign-in is turned off here: use single sign-on.',
};

export function signInErrorMessage(code: string | null): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? 'The sign-in did not complete. Try again.';
}
