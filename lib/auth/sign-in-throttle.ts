import { randomUUID } from 'node:crypto';
import { db } from '../db/client';
import { authSettings } from './auth-settings';
import { lockedUntil } from './lockout';

export type ThrottleVerdict = { locked: false } | { locked: true; retryAfterSeconds: number };

const RECENT_ATTEMPTS = 64;

/**
 * Whether a sign-in for this email from this address may be tried now. Reads the attempts every instance records
 * (the database, not memory), so several instances share one count. Refused attempts are not recorded: they cost no
 * hash, and the lock grows with real failures only.
 */
export async function checkSignInThrottle(
  input: { email: string; address: string },
  now = new Date(),
): Promise<ThrottleVerdict> {
  const settings = authSettings();
  const since = new Date(now.getTime() - settings.WARDEN_SIGNIN_WINDOW_SECONDS * 1000);
  const [accountAttempts, addressFailures] = await Promise.all([
    db().loginAttempt.findMany({
      where: { email: input.email, at: { gte: since } },
      orderBy: { at: 'desc' },
      take: RECENT_ATTEMPTS,
      select: { succeeded: true, at: true },
    }),
    db().loginAttempt.aggregate({
      where: { address: input.address, succeeded: false, at: { gte: since } },
      _count: true,
      _max: { at: true },
    }),
  ]);
  const sinceSuccess = accountAttempts.findIndex((attempt) => attempt.succeeded);
  const accountFailures = sinceSuccess === -1 ? accountAttempts : accountAttempts.slice(0, sinceSuccess);
  const locks = [
    lockedUntil(accountFailures.length, accountFailures[0]?.at ?? null, {
      threshold: settings.WARDEN_SIGNIN_ACCOUNT_FAILURES,
      baseSeconds: settings.WARDEN_SIGNIN_LOCKOUT_BASE_SECONDS,
      maxSeconds: settings.WARDEN_SIGNIN_LOCKOUT_MAX_SECONDS,
    }),
    lockedUntil(addressFailures._count, addressFailures._max.at ?? null, {
      threshold: settings.WARDEN_SIGNIN_ADDRESS_FAILURES,
      baseSeconds: settings.WARDEN_SIGNIN_LOCKOUT_BASE_SECONDS,
      maxSeconds: settings.WARDEN_SIGNIN_LOCKOUT_MAX_SECONDS,
    }),
  ].filter((until): until is Date => until !== null && until > now);
  if (locks.length === 0) return { locked: false };
  const latest = Math.max(...locks.map((until) => until.getTime()));
  return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((latest - now.getTime()) / 1000)) };
}

/** Records the outcome of a checked password; failures also prune attempts older than a day. */
export async function recordSignInAttempt(input: {
  email: string;
  address: string;
  succeeded: boolean;
}): Promise<void> {
  const now = new Date();
  await db().loginAttempt.create({
    data: { id: randomUUID(), email: input.email, address: input.address, succeeded: input.succeeded, at: now },
  });
  if (!input.succeeded)
    await db().loginAttempt.deleteMany({ where: { at: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
}
