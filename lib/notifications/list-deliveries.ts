import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { assertCanReadNotifications } from './can-read-notifications';
import { deliveryFilterSchema, type DeliveryFilter, type DeliveryStatus } from './schemas';

export const DELIVERY_PAGE_SIZE = 100;

export type DeliveryListRow = {
  id: string;
  createdAt: string;
  channelId: string;
  channelName: string;
  event: string;
  actionId: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
};

/** The delivery log, newest first (the latest 100), optionally of one channel and/or one status. */
export async function listDeliveries(actor: Actor, filter: DeliveryFilter = {}): Promise<DeliveryListRow[]> {
  assertCanReadNotifications(actor);
  const { channelId, status } = deliveryFilterSchema.parse(filter);
  const rows = await db().notificationDelivery.findMany({
    where: { ...(channelId ? { channelId } : {}), ...(status ? { status } : {}) },
    orderBy: [{ createdAt: 'desc' }, { eventSeq: 'desc' }],
    take: DELIVERY_PAGE_SIZE,
    include: { channel: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    channelId: row.channelId,
    channelName: row.channel.name,
    event: row.event,
    actionId: row.actionId,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  }));
}
