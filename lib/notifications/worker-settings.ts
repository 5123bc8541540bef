import { z } from 'zod';
import type { RetrySchedule } from '../policy/delivery-retry';
import { DEFAULT_RETRY_SCHEDULE } from '../policy/delivery-retry';

const whole = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

/**
 * The background worker's settings, from the environment (read once). Defaults suit production; the test servers
 * shorten the interval and the backoff (playwright.config.ts).
 */
const schema = z.object({
  WARDEN_WORKER_INTERVAL_MS: whole(50, 1000),
  WARDEN_WORKER_DISABLED: z.enum(['0', '1']).default('0'),
  WARDEN_NOTIFY_RETRY_BASE_MS: whole(10, DEFAULT_RETRY_SCHEDULE.baseMs),
  WARDEN_NOTIFY_RETRY_MAX_MS: whole(10, DEFAULT_RETRY_SCHEDULE.maxDelayMs),
  WARDEN_NOTIFY_MAX_ATTEMPTS: whole(1, DEFAULT_RETRY_SCHEDULE.maxAttempts),
  WARDEN_NOTIFY_TIMEOUT_MS: whole(100, 10_000),
  WARDEN_NOTIFY_GAP_GRACE_MS: whole(0, 10_000),
  WARDEN_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  NEXTAUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export type WorkerSettings = {
  intervalMs: number;
  disabled: boolean;
  retry: RetrySchedule;
  /** Each HTTP call to a receiver is abandoned after this long (and counts as a failed attempt). */
  timeoutMs: number;
  /** How long the notifier waits at a hole in the audit sequence before taking it as a rolled-back insert. */
  gapGraceMs: number;
  /** Where the console is reached, for links in messages ("<base>/actions/<id>"). */
  publicBaseUrl: string;
};

let cached: WorkerSettings | undefined;

export function workerSettings(): WorkerSettings {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const e = parsed.data;
  cached = {
    intervalMs: e.WARDEN_WORKER_INTERVAL_MS,
    disabled: e.WARDEN_WORKER_DISABLED === '1',
    retry: {
      baseMs: e.WARDEN_NOTIFY_RETRY_BASE_MS,
      maxDelayMs: e.WARDEN_NOTIFY_RETRY_MAX_MS,
      maxAttempts: e.WARDEN_NOTIFY_MAX_ATTEMPTS,
    },
    timeoutMs: e.WARDEN_NOTIFY_TIMEOUT_MS,
    gapGraceMs: e.WARDEN_NOTIFY_GAP_GRACE_MS,
    publicBaseUrl: (e.WARDEN_PUBLIC_URL ?? e.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
  };
  return cached;
}
