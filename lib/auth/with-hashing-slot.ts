import { WardenError } from '../errors';
import { acquireHashingSlot } from './hashing-slots';

/** Runs password hashing outside sign-in (changing, resetting) under the same cap; refuses at once when it is full. */
export async function withHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  const release = await acquireHashingSlot();
  if (!release) throw new WardenError('rate_limited', 'The server is busy checking passwords. Try again in a moment.');
  try {
    return await work();
  } finally {
    release();
  }
}
