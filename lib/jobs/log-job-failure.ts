import { logger } from '../logging/logger';

const lastLogged = new Map<string, number>();

/** At most one line a minute per step: a database outage must not flood the log at the loop's pace. */
export function logJobFailure(name: string, error: unknown): void {
  const now = Date.now();
  if (now - (lastLogged.get(name) ?? 0) < 60_000) return;
  lastLogged.set(name, now);
  const reason = error instanceof Error ? error.message : String(error);
  logger().error({ job: name, reason }, `background step ${name} failed; will retry`);
}
