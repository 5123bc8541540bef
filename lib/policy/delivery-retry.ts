/**
 * When a failed notification is tried again: exponential backoff (base · 2^(n−1), capped) with "equal jitter" — half
 * of the delay fixed, half random — so many deliveries that failed together (a receiver's outage) do not all come
 * back in the same instant, yet none is retried sooner than half its step. Pure: the caller passes the random number.
 */
export type RetrySchedule = { baseMs: number; maxDelayMs: number; maxAttempts: number };

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { baseMs: 10_000, maxDelayMs: 60 * 60_000, maxAttempts: 8 };

/** Delay before attempt `attemptsMade + 1`, or null when `attemptsMade` attempts were the last allowed. */
export function retryDelayMs(attemptsMade: number, schedule: RetrySchedule, random: number): number | null {
  if (attemptsMade >= schedule.maxAttempts) return null;
  const step = Math.min(schedule.maxDelayMs, schedule.baseMs * 2 ** Math.max(0, attemptsMade - 1));
  const unit = Math.min(Math.max(random, 0), 1);
  return Math.round(step / 2 + (step / 2) * unit);
}
