import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { assertCanReadNotifications } from './can-read-notifications';
import { toChannelView, type ChannelView } from './channel-view';

export type ChannelListRow = ChannelView & { pending: number; failed: number };

/**
 * Every channel with its count of pending and failed deliveries, by name. Reviewers may look (they read the delivery
 * log); only admins change channels. Also the reviewer groups, for the console's group menu.
 */
export async function listChannels(actor: Actor) {
  assertCanReadNotifications(actor);
  const [channels, counts, groups] = await Promise.all([
    db().notificationChannel.findMany({ orderBy: { name: 'asc' }, include: { group: { select: { name: true } } } }),
    db().notificationDelivery.groupBy({
      by: ['channelId', 'status'],
      where: { status: { in: ['pending', 'failed'] } },
      _count: { _all: true },
    }),
    db().reviewerGroup.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  const countOf = (channelId: string, status: string) =>
    counts.find((row) => row.channelId === channelId && row.status === status)?._count._all ?? 0;
  const rows: ChannelListRow[] = channels.map((channel) => ({
    ...toChannelView(channel),
    pending: countOf(channel.id, 'pending'),
    failed: countOf(channel.id, 'failed'),
  }));
  return { channels: rows, groups };
}
