import { z } from 'zod';

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Sessions, one-time passwords and sign-in throttling, from the environment (read once; a malformed value fails
 * start-up naming the variable). Defaults suit production; the specs shorten them on a server of their own.
 */
const schema = z.object({
  // Absolute session lifetime from sign-in; /api/auth/session never extends it.
  WARDEN_SESSION_MAX_AGE_SECONDS: seconds(12 * 60 * 60),
  // How long a one-time password (invite, reset, setup) can be used for the first sign-in.
  WARDEN_ONE_TIME_PASSWORD_TTL_SECONDS: seconds(7 * 24 * 60 * 60),
  // Failures of one account (since its last success) before it locks; then each further failure doubles the lock.
  WARDEN_SIGNIN_ACCOUNT_FAILURES: seconds(5),
  // Failures from one address in the window before it locks (covers spraying one password over many accounts).
  WARDEN_SIGNIN_ADDRESS_FAILURES: seconds(20),
  WARDEN_SIGNIN_WINDOW_SECONDS: seconds(60 * 60),
  WARDEN_SIGNIN_LOCKOUT_BASE_SECONDS: seconds(30),
  WARDEN_SIGNIN_LOCKOUT_MAX_SECONDS: seconds(15 * 60),
  // Password hashes (scrypt, ~50 ms of CPU each) computed at once per process, and how many more may wait their turn;
  // beyond both, a sign-in is refused at once (429).
  WARDEN_PASSWORD_HASH_CONCURRENCY: seconds(4),
  WARDEN_PASSWORD_HASH_QUEUE: seconds(32),
});

export type AuthSettings = z.infer<typeof schema>;

let cached: AuthSettings | undefined;

export function authSettings(): AuthSettings {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(
        `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    cached = parsed.data;
  }
  return cached;
}
