import { authSettings } from '../auth/auth-settings';
import { generatePassword, hashPassword } from '../auth/password';

/**
 * A one-time password (invite, reset, setup): shown once, must be changed at the first sign-in, and stops working
 * after WARDEN_ONE_TIME_PASSWORD_TTL_SECONDS (7 days by default) if nobody used it.
 */
export async function issueOneTimePassword(now = new Date()) {
  const password = generatePassword();
  return {
    password,
    fields: {
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      passwordExpiresAt: new Date(now.getTime() + authSettings().WARDEN_ONE_TIME_PASSWORD_TTL_SECONDS * 1000),
    },
  };
}
