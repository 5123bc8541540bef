import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';

/**
 * A disabled channel gets no new deliveries, and its pending ones fail at their next attempt instead of being sent.
 * Idempotent: asking for the state it is already in changes (and audits) nothing.
 */
export async function setChannelEnabled(
  actor: Actor,
  input: { channelId: string; enabled: boolean },
): Promise<{ changed: boolean }> {
  assertCan(actor, 'reviewers.manage');
  return db().$transaction(async (tx) => {
    const channel = await tx.notificationChannel.findUnique({ where: { id: input.channelId } });
    if (!channel) throw new WardenError('not_found', 'No such notification channel.');
    const { count } = await tx.notificationChannel.updateMany({
      where: { id: channel.id, enabled: !input.enabled },
      data: { enabled: input.enabled },
    });
    if (count === 1) {
      await recordAuditEvent(tx, {
        actor,
        type: 'notification_channel.updated',
        payload: { name: channel.name, before: { enabled: !input.enabled }, after: { enabled: input.enabled } },
      });
    }
    return { changed: count === 1 };
  });
}
