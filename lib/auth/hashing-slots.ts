import { authSettings } from './auth-settings';

let inUse = 0;

/**
 * A non-blocking semaphore over password hashing: each scrypt costs tens of milliseconds of CPU, so a flood of
 * sign-ins queued behind each other would starve every other request. Returns a release function, or null when all
 * slots are taken (the caller refuses at once instead of queueing).
 */
export function tryAcquireHashingSlot(): (() => void) | null {
  if (inUse >= authSettings().WARDEN_PASSWORD_HASH_CONCURRENCY) return null;
  inUse += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    inUse -= 1;
  };
}
