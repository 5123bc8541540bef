import { metrics } from './registry';

/** Counts `wait` among the long-polls open while it runs; a request that does not wait is not a long-poll. */
export async function trackLongPoll<T>(waits: boolean, wait: () => Promise<T>): Promise<T> {
  if (!waits) return wait();
  const gauge = metrics().longPollsOpen;
  gauge.inc();
  try {
    return await wait();
  } finally {
    gauge.dec();
  }
}
