'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { clientAddress } from '@/lib/auth/client-address';
import { engageSwitch } from '@/lib/kill-switches/engage-switch';
import { releaseSwitch } from '@/lib/kill-switches/release-switch';
import { engageSwitchSchema, releaseSwitchSchema } from '@/lib/kill-switches/schemas';
import { defineMutation } from '../define-mutation';

/** Admins any switch; owners switches on their own agents (the domain checks). */
export const engageSwitchMutation = defineMutation({
  name: 'engageSwitchMutation',
  input: engageSwitchSchema,
  run: async (actor, input) => {
    const result = await engageSwitch(actor, input);
    // The banner is in the layout of every console page.
    revalidatePath('/', 'layout');
    return result;
  },
});

/** Release: the reason and the person's password again (step-up, checked by the domain). */
export const releaseSwitchMutation = defineMutation({
  name: 'releaseSwitchMutation',
  input: releaseSwitchSchema,
  run: async (actor, input) => {
    const result = await releaseSwitch(actor, input, clientAddress(await headers()));
    revalidatePath('/', 'layout');
    return result;
  },
});
