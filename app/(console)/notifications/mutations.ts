'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createChannel } from '@/lib/notifications/create-channel';
import { createChannelSchema, updateChannelSchema } from '@/lib/notifications/schemas';
import { sendTestNotification } from '@/lib/notifications/send-test-notification';
import { setChannelEnabled } from '@/lib/notifications/set-channel-enabled';
import { updateChannel } from '@/lib/notifications/update-channel';
import { defineMutation } from '../define-mutation';

const channelRef = z.object({ channelId: z.string().min(1) });
const enabledSchema = channelRef.extend({ enabled: z.boolean() });

/** Admins only (the domain checks). The secret comes back this once, for the form to show. */
export const createChannelMutation = defineMutation({
  name: 'createChannelMutation',
  input: createChannelSchema,
  run: async (actor, input) => {
    const { channel, secret } = await createChannel(actor, input);
    revalidatePath('/notifications');
    return { name: channel.name, kind: channel.kind, secret };
  },
});

export const setChannelEnabledMutation = defineMutation({
  name: 'setChannelEnabledMutation',
  input: enabledSchema,
  run: async (actor, input) => {
    const { changed } = await setChannelEnabled(actor, input);
    revalidatePath('/notifications');
    return { changed };
  },
});

export const sendTestNotificationMutation = defineMutation({
  name: 'sendTestNotificationMutation',
  input: channelRef,
  run: async (actor, input) => {
    const result = await sendTestNotification(actor, input);
    revalidatePath('/notifications');
    return result;
  },
});

const oversightSchema = updateChannelSchema.pick({ channelId: true, oversight: true }).required({ oversight: true });

/** Which oversight events the channel also receives (admins only: the domain checks); audited with before/after. */
export const setChannelOversightMutation = defineMutation({
  name: 'setChannelOversightMutation',
  input: oversightSchema,
  run: async (actor, input) => {
    const channel = await updateChannel(actor, input);
    revalidatePath('/notifications');
    return { oversight: channel.oversight };
  },
});
