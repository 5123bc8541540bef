import { z } from 'zod';
import type { AuditEventType } from '../event-types';
import { text, nullableText, texts, snapshot } from './fields';

/** Notification channels and their deliveries (lib/notifications/). */
export const notificationPayloads = {
  'notification_channel.created': z.strictObject({
    name: text,
    kind: text,
    group: nullableText,
    oversight: texts.optional(),
  }),
  'notification_channel.updated': z.strictObject({ name: text, before: snapshot, after: snapshot }),
  'notification_channel.tested': z.strictObject({ name: text }),
  // A channel gave up on a delivery after its last attempt (status code only, never the receiver's answer).
  'notification.delivery_failed': z.strictObject({
    channelId: text,
    channel: text,
    event: text,
    attempts: z.number(),
    lastStatus: z.number().nullable(),
  }),
} satisfies Partial<Record<AuditEventType, z.ZodType>>;
