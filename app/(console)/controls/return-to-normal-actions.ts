'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { clientAddress } from '@/lib/auth/client-address';
import { approveReturnToNormal } from '@/lib/return-to-normal/approve-return-to-normal';
import { cancelReturnToNormal } from '@/lib/return-to-normal/cancel-return-to-normal';
import { rejectReturnToNormal } from '@/lib/return-to-normal/reject-return-to-normal';
import { releaseAsSingleAdmin } from '@/lib/return-to-normal/release-as-single-admin';
import { requestReturnToNormal } from '@/lib/return-to-normal/request-return-to-normal';
import { cancelReturnSchema, reviewReturnSchema } from '@/lib/return-to-normal/schemas';
import { runAsUser } from '../run-as-user';

// The global stop's release on Controls: a request another admin approves (or the only admin, with their password).
// The stop banner is in every console page's layout.
const GLOBAL_STOP = { switchId: 'global_stop' } as const;

export async function requestGlobalStopReleaseAction(input: unknown) {
  return runAsUser(async (actor) => {
    const { reason } = z.object({ reason: z.string() }).parse(input);
    const result = await requestReturnToNormal(actor, { target: GLOBAL_STOP, reason });
    revalidatePath('/controls');
    return { id: result.id };
  });
}

export async function approveGlobalStopReleaseAction(input: unknown) {
  return runAsUser(async (actor) => {
    const result = await approveReturnToNormal(actor, reviewReturnSchema.parse(input));
    revalidatePath('/', 'layout');
    return result;
  });
}

export async function rejectGlobalStopReleaseAction(input: unknown) {
  return runAsUser(async (actor) => {
    const result = await rejectReturnToNormal(actor, reviewReturnSchema.parse(input));
    revalidatePath('/controls');
    return result;
  });
}

export async function cancelGlobalStopReleaseAction(input: unknown) {
  return runAsUser(async (actor) => {
    const result = await cancelReturnToNormal(actor, cancelReturnSchema.parse(input));
    revalidatePath('/controls');
    return result;
  });
}

/** The only active admin, with their password again (step-up, checked by the domain). */
export async function releaseGlobalStopAloneAction(input: unknown) {
  return runAsUser(async (actor) => {
    const { reason, password } = z.object({ reason: z.string(), password: z.string().max(1000) }).parse(input);
    const result = await releaseAsSingleAdmin(actor, { target: GLOBAL_STOP, reason, password }, clientAddress(await headers()));
    revalidatePath('/', 'layout');
    return result;
  });
}
