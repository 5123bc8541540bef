'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { clientAddress } from '@/lib/auth/client-address';
import { engageSwitch } from '@/lib/kill-switches/engage-switch';
import { releaseSwitch } from '@/lib/kill-switches/release-switch';
import { engageSwitchSchema, releaseSwitchSchema } from '@/lib/kill-switches/schemas';
import { runAsUser } from '../run-as-user';

/** Admins any switch; owners switches on their own agents (the domain checks). */
export async function engageSwitchAction(input: unknown) {
  return runAsUser(async (actor) => {
    const result = await engageSwitch(actor, engageSwitchSchema.parse(input));
    // The banner is in the layout of every console page.
    revalidatePath('/', 'layout');
    return result;
  });
}

/** Release: the reason and the person's password again (step-up, checked by the domain). */
export async function releaseSwitchAction(input: unknown) {
  return runAsUser(async (actor) => {
    const result = await releaseSwitch(actor, releaseSwitchSchema.parse(input), clientAddress(await headers()));
    revalidatePath('/', 'layout');
    return result;
  });
}
