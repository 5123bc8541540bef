import { randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEventReturningSeq } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { notificationBody } from './notification-message';
import type { ChannelKind } from './schemas';

/**
 * Queues a test message to one channel, audited; the worker sends it like any other (signed, retried), so the
 * delivery log shows whether the receiver works. Its eventSeq is the audit event's, as for every delivery.
 */
export async function sendTestNotification(
  actor: Actor,
  input: { channelId: string },
): Promise<{ deliveryId: string }> {
  assertCan(actor, 'reviewers.manage');
  return db().$transaction(async (tx) => {
    const channel = await tx.notificationChannel.findUnique({ where: { id: input.channelId } });
    if (!channel) throw new WardenError('not_found', 'No such notification channel.');
    if (!channel.enabled)
      throw new WardenError('conflict', `"${channel.name}" is disabled: enable it before sending a test.`, {
        enabled: false,
      });
    const now = new Date();
    const eventSeq = await recordAuditEventReturningSeq(tx, {
      actor,
      type: 'notification_channel.tested',
      payload: { name: channel.name },
    });
    const deliveryId = randomUUID();
    await tx.notificationDelivery.create({
      data: {
        id: deliveryId,
        channelId: channel.id,
        eventSeq,
        actionId: null,
        event: 'test',
        status: 'pending',
        nextAttemptAt: now,
        createdAt: now,
        body: notificationBody(channel.kind as ChannelKind, {
          event: 'test',
          eventSeq,
          occurredAt: now,
          channelName: channel.name,
          action: null,
          escalation: null,
        }),
      },
    });
    return { deliveryId };
  });
}
