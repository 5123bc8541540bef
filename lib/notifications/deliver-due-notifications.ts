import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { recordNotificationAttempt } from '../metrics/record-background-changes';
import { retryDelayMs, type RetrySchedule } from '../policy/delivery-retry';
import { postNotification, type PostOutcome } from './post-notification';

const BATCH = 20;
/** A claim outlives the HTTP timeout by this much; after that another instance may take the delivery over. */
const LEASE_MARGIN_MS = 5_000;

/**
 * Sends every pending delivery whose time has come, in parallel (a slow receiver does not hold up the others).
 * Each attempt is claimed first — a compare-and-set on (status, attempts, free lease) that counts the attempt and
 * leases the row — so two instances never send the same attempt. The outcome is recorded by another compare-and-set
 * on the attempt number claimed: delivered; pending again at the next backoff step; or failed after the last attempt.
 * A crash mid-send leaves the attempt counted and the lease to lapse, so the delivery is retried: at least once, and
 * the `Warden-Delivery` id lets a receiver drop the duplicate.
 */
export async function deliverDueNotifications(options: {
  retry: RetrySchedule;
  timeoutMs: number;
  now?: Date;
}): Promise<number> {
  const now = options.now ?? new Date();
  const due = await db().notificationDelivery.findMany({
    where: { status: 'pending', nextAttemptAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    orderBy: { nextAttemptAt: 'asc' },
    take: BATCH,
    select: {
      id: true,
      attempts: true,
      event: true,
      body: true,
      channel: { select: { id: true, name: true, kind: true, url: true, secret: true, enabled: true } },
    },
  });
  const sent = await Promise.all(due.map((delivery) => attempt(delivery, options)));
  return sent.filter(Boolean).length;
}

async function attempt(
  delivery: {
    id: string;
    attempts: number;
    event: string;
    body: string;
    channel: { id: string; name: string; kind: string; url: string; secret: string; enabled: boolean };
  },
  options: { retry: RetrySchedule; timeoutMs: number },
): Promise<boolean> {
  const startedAt = new Date();
  const attemptNumber = delivery.attempts + 1;
  const { count } = await db().notificationDelivery.updateMany({
    where: {
      id: delivery.id,
      status: 'pending',
      attempts: delivery.attempts,
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: startedAt } }],
    },
    data: {
      attempts: attemptNumber,
      lastAttemptAt: startedAt,
      leaseUntil: new Date(startedAt.getTime() + options.timeoutMs + LEASE_MARGIN_MS),
    },
  });
  if (count !== 1) return false; // another instance claimed it

  const outcome: PostOutcome = delivery.channel.enabled
    ? await postNotification({
        ...delivery.channel,
        body: delivery.body,
        event: delivery.event,
        deliveryId: delivery.id,
        timeoutMs: options.timeoutMs,
      })
    : { ok: false, status: null, error: 'channel disabled' };

  const finishedAt = new Date();
  const delay =
    outcome.ok || !delivery.channel.enabled ? null : retryDelayMs(attemptNumber, options.retry, Math.random());
  const gaveUp = !outcome.ok && delay === null && delivery.channel.enabled;
  await db().$transaction(async (tx) => {
    const { count: recorded } = await tx.notificationDelivery.updateMany({
      where: { id: delivery.id, status: 'pending', attempts: attemptNumber },
      data: {
        leaseUntil: null,
        lastStatus: outcome.status,
        lastError: outcome.error,
        ...(outcome.ok
          ? { status: 'delivered', deliveredAt: finishedAt }
          : delay === null
            ? { status: 'failed' }
            : { nextAttemptAt: new Date(finishedAt.getTime() + delay) }),
      },
    });
    // A channel that gave up on a delivery is an oversight event (other channels may subscribe to it). Not for a
    // delivery that itself reported a failing channel: two failing channels would report each other forever.
    if (recorded === 1 && gaveUp && delivery.event !== 'channel_failing') {
      await recordAuditEvent(tx, {
        actor: { type: 'system', id: 'notifier' },
        type: 'notification.delivery_failed',
        payload: {
          channelId: delivery.channel.id,
          channel: delivery.channel.name,
          event: delivery.event,
          attempts: attemptNumber,
          lastStatus: outcome.status,
        },
      });
    }
  });
  recordNotificationAttempt(delivery.channel.kind, outcome.ok ? 'delivered' : delay === null ? 'failed' : 'retrying');
  return outcome.ok;
}
