import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE, retryDelayMs, type RetrySchedule } from './delivery-retry';

const schedule: RetrySchedule = { baseMs: 1000, maxDelayMs: 10_000, maxAttempts: 6 };

describe('retryDelayMs', () => {
  it.each<[number, number, number | null]>([
    // attempts made, random, delay
    [1, 1, 1000],
    [1, 0, 500],
    [1, 0.5, 750],
    [2, 1, 2000],
    [2, 0, 1000],
    [3, 1, 4000],
    [4, 1, 8000],
    [5, 1, 10_000], // 16 s capped at 10 s
    [5, 0, 5000],
    [6, 1, null], // the 6th attempt was the last
    [7, 0, null],
    [0, 1, 1000], // never below the first step
    [1, 2, 1000], // an out-of-range random is clamped
    [1, -1, 500],
  ])('after %i attempts with random %d → %s ms', (attempts, random, expected) => {
    expect(retryDelayMs(attempts, schedule, random)).toBe(expected);
  });

  it('grows, never shrinks, before the cap (upper bounds)', () => {
    const bounds = [1, 2, 3, 4, 5].map((n) => retryDelayMs(n, schedule, 1)!);
    expect(bounds).toEqual([...bounds].sort((a, b) => a - b));
  });

  it('the default schedule gives up after 8 attempts, spread over at most about 21 minutes', () => {
    const worst = [1, 2, 3, 4, 5, 6, 7].reduce((sum, n) => sum + retryDelayMs(n, DEFAULT_RETRY_SCHEDULE, 1)!, 0);
    expect(worst).toBe(10_000 * (1 + 2 + 4 + 8 + 16 + 32 + 64));
    expect(retryDelayMs(8, DEFAULT_RETRY_SCHEDULE, 0)).toBeNull();
  });
});
