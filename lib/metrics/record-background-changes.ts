import { metrics } from './registry';

/** Pending actions the background job expired at their deadline. */
export function recordExpiries(count: number): void {
  if (count > 0) metrics().expiries.inc(count);
}

/** Pending actions the escalation ladder moved to their next step. */
export function recordEscalations(count: number): void {
  if (count > 0) metrics().escalations.inc(count);
}

export type DeliveryResult = 'delivered' | 'retrying' | 'failed';

/** One notification delivery attempt by a channel of `kind` (webhook, slack, …: the channel kinds Warden knows). */
export function recordNotificationAttempt(kind: string, result: DeliveryResult): void {
  metrics().notificationAttempts.inc({ kind, result });
}
