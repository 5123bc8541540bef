'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createChannel } from '@/lib/notifications/create-channel';
import { createChannelSchema, updateChannelSchema } from '@/lib/notifications/schemas';
import { sendTestNotification } from '@/lib/notifications/send-test-notification';
import { setChannelEnabled } from '@/lib/notifications/set-channel-enabled';
import { updateChannel } from '@/lib/notifications/update-channel';
import { runAsUser } from '../run-as-user';

const channelRef = z.object({ channelId: z.string().min(1) });
const enabledSchema = channelRef.extend({ enabled: z.boolean() });

/** Admins only (the domain checks). The secret comes back this once, for the form to show. */
export async function createChannelAction(input: z.input<typeof createChannelSchema>) {
  return runAsUser(async (actor) => {
    const { channel, secret } = await createChannel(actor, createChannelSchema.parse(input));
    revalidatePath('/notifications');
    return { name: channel.name, kind: channel.kind, secret };
  });
}

export async function setChannelEnabledAction(input: z.input<typeof enabledSchema>) {
  return runAsUser(async (actor) => {
    const { changed } = await setChannelEnabled(actor, enabledSchema.parse(input));
    revalidatePath('/notifications');
    return { changed };
  });
}

export async function sendTestNotificationAction(input: z.input<typeof channelRef>) {
  return runAsUser(async (actor) => {
    const result = await sendTestNotification(actor, channelRef.parse(input));
    revalidatePath('/notifications');
    return result;
  });
}

const oversightSchema = updateChannelSchema.pick({ channelId: true, oversight: true }).required({ oversight: true });

/** Which oversight events the channel also receives (admins only: the domain checks); audited with before/after. */
export async function setChannelOversightAction(input: z.input<typeof oversightSchema>) {
  return runAsUser(async (actor) => {
    const channel = await updateChannel(actor, oversightSchema.parse(input));
    revalidatePath('/notifications');
    return { oversight: channel.oversight };
  });
}
