import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { auditedChannel, toChannelView } from './channel-view';
import { findGroupOrThrow } from './find-group';
import { updateChannelSchema, type UpdateChannelInput } from './schemas';
import { assertAllowedDestination } from '../egress/assert-allowed-destination';

/** Renames, re-points or re-scopes a channel: a compare-and-set on what was read, audited with before and after. */
export async function updateChannel(actor: Actor, input: UpdateChannelInput) {
  assertCan(actor, 'reviewers.manage');
  const data = updateChannelSchema.parse(input);
  if (data.url !== undefined) assertAllowedDestination(data.url);
  return db().$transaction(async (tx) => {
    const before = await tx.notificationChannel.findUnique({
      where: { id: data.channelId },
      include: { group: { select: { name: true } } },
    });
    if (!before) throw new WardenError('not_found', 'No such notification channel.');
    if (data.groupId) await findGroupOrThrow(tx, data.groupId);
    if (
      data.name &&
      data.name !== before.name &&
      (await tx.notificationChannel.findUnique({ where: { name: data.name } }))
    ) {
      throw new WardenError('conflict', `A channel named "${data.name}" already exists.`);
    }
    const { count } = await tx.notificationChannel.updateMany({
      where: {
        id: before.id,
        name: before.name,
        url: before.url,
        groupId: before.groupId,
        oversight: before.oversight,
      },
      data: {
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.url !== undefined ? { url: data.url } : {}),
        ...(data.groupId !== undefined ? { groupId: data.groupId } : {}),
        ...(data.oversight !== undefined ? { oversight: JSON.stringify(data.oversight) } : {}),
      },
    });
    if (count !== 1)
      throw new WardenError('conflict', 'The channel was changed by someone else meanwhile. Reload and try again.');
    const after = await tx.notificationChannel.findUniqueOrThrow({
      where: { id: before.id },
      include: { group: { select: { name: true } } },
    });
    await recordAuditEvent(tx, {
      actor,
      type: 'notification_channel.updated',
      payload: { name: after.name, before: auditedChannel(before), after: auditedChannel(after) },
    });
    return toChannelView(after);
  });
}
