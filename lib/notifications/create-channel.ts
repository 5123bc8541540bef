import { randomBytes, randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { toChannelView } from './channel-view';
import { findGroupOrThrow } from './find-group';
import { createChannelSchema, type CreateChannelInput } from './schemas';
import { assertAllowedDestination } from '../egress/assert-allowed-destination';

/**
 * A new notification channel with a fresh 256-bit signing secret. The secret is returned this once, for the admin to
 * give the receiver; it is kept (Warden must sign with it) but never shown, logged or audited again.
 */
export async function createChannel(actor: Actor, input: CreateChannelInput) {
  assertCan(actor, 'reviewers.manage');
  const data = createChannelSchema.parse(input);
  assertAllowedDestination(data.url);
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  return db().$transaction(async (tx) => {
    const group = data.groupId ? await findGroupOrThrow(tx, data.groupId) : null;
    if (await tx.notificationChannel.findUnique({ where: { name: data.name } })) {
      throw new WardenError('conflict', `A channel named "${data.name}" already exists.`);
    }
    const channel = await tx.notificationChannel
      .create({
        data: {
          id: randomUUID(),
          name: data.name,
          kind: data.kind,
          url: data.url,
          secret,
          groupId: group?.id ?? null,
          oversight: JSON.stringify(data.oversight),
          createdById: actor.type === 'user' ? actor.id : null,
        },
        include: { group: { select: { name: true } } },
      })
      .catch((error: unknown) => {
        // Prisma's messages can quote the query's arguments, the secret among them: never let one reach a log.
        if ((error as { code?: string }).code === 'P2002')
          throw new WardenError('conflict', `A channel named "${data.name}" already exists.`);
        throw new Error(
          `Could not create the notification channel (${(error as { code?: string }).code ?? 'database error'}).`,
        );
      });
    await recordAuditEvent(tx, {
      actor,
      type: 'notification_channel.created',
      payload: { name: channel.name, kind: channel.kind, group: group?.name ?? null, oversight: data.oversight },
    });
    return { channel: toChannelView(channel), secret };
  });
}
