import { authSettings } from './auth-settings';

let inUse = 0;
const waiting: Array<() => void> = [];

/**
 * A semaphore over password hashing with a short, bounded queue: each scrypt costs tens of milliseconds on the
 * thread pool, so an unbounded pile of sign-ins would starve every other request. A burst (a team signing in, a
 * test suite) waits its turn; past the queue's length the caller gets null and refuses at once (429).
 */
export async function acquireHashingSlot(): Promise<(() => void) | null> {
  const { WARDEN_PASSWORD_HASH_CONCURRENCY: slots, WARDEN_PASSWORD_HASH_QUEUE: queue } = authSettings();
  if (inUse >= slots) {
    if (waiting.length >= queue) return null;
    // Woken by a release that hands its slot over (inUse stays the same).
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    inUse += 1;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waiting.shift();
    if (next) next();
    else inUse -= 1;
  };
}
