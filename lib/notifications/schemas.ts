import { z } from 'zod';
import { OVERSIGHT_KINDS } from './oversight-events';

/** What an admin may set on a notification channel. Client-safe: the console's form and the server actions share it. */
export const CHANNEL_KINDS = ['webhook', 'slack'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The events a channel receives. */
export type NotificationEvent =
  'review_requested' | 'escalated' | 'test' | 'grant_change_held' | 'oversight' | 'channel_failing';

const channelName = z.string().trim().min(1, 'name is required').max(80, 'name is at most 80 characters');
const channelUrl = z
  .string()
  .trim()
  .max(2000, 'URL is at most 2000 characters')
  .refine((text) => {
    try {
      const url = new URL(text);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !url.username && !url.password
      );
    } catch {
      return false;
    }
  }, 'URL must be an http:// or https:// address (without a user name or password in it)');
/** The oversight events a channel also receives (none by default). */
const oversight = z
  .array(z.enum(OVERSIGHT_KINDS, `oversight events are ${OVERSIGHT_KINDS.join(', ')}`))
  .max(OVERSIGHT_KINDS.length)
  .transform((kinds) => OVERSIGHT_KINDS.filter((kind) => kinds.includes(kind)));

/** A reviewer group id, or null/empty for "every review notification". */
const groupId = z
  .string()
  .trim()
  .nullable()
  .optional()
  .transform((value) => value || null);

export const createChannelSchema = z
  .object({
    name: channelName,
    kind: z.enum(CHANNEL_KINDS, 'kind must be webhook or slack'),
    url: channelUrl,
    groupId,
    oversight: oversight.default([]),
  })
  .strict();
export type CreateChannelInput = z.input<typeof createChannelSchema>;

/** Fields left out stay as they are; `groupId: null` (or empty) widens the channel to every review notification. */
export const updateChannelSchema = z
  .object({
    channelId: z.string().min(1),
    name: channelName.optional(),
    url: channelUrl.optional(),
    groupId: z
      .string()
      .trim()
      .nullable()
      .optional()
      .transform((value) => (value === undefined ? undefined : value || null)),
    oversight: oversight.optional(),
  })
  .strict();
export type UpdateChannelInput = z.input<typeof updateChannelSchema>;

export const deliveryFilterSchema = z.object({
  channelId: z.string().trim().min(1).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
});
export type DeliveryFilter = z.input<typeof deliveryFilterSchema>;
