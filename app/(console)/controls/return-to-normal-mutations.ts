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
import { defineMutation } from '../define-mutation';

// The global stop's release on Controls: a request another admin approves (or the only admin, with their password).
// The stop banner is in every console page's layout.
const GLOBAL_STOP = { switchId: 'global_stop' } as const;

export const requestGlobalStopReleaseMutation = defineMutation({
  name: 'requestGlobalStopReleaseMutation',
  input: z.object({ reason: z.string() }),
  run: async (actor, { reason }) => {
    const result = await requestReturnToNormal(actor, { target: GLOBAL_STOP, reason });
    revalidatePath('/controls');
    return { id: result.id };
  },
});

export const approveGlobalStopReleaseMutation = defineMutation({
  name: 'approveGlobalStopReleaseMutation',
  input: reviewReturnSchema,
  run: async (actor, input) => {
    const result = await approveReturnToNormal(actor, input);
    revalidatePath('/', 'layout');
    return result;
  },
});

export const rejectGlobalStopReleaseMutation = defineMutation({
  name: 'rejectGlobalStopReleaseMutation',
  input: reviewReturnSchema,
  run: async (actor, input) => {
    const result = await rejectReturnToNormal(actor, input);
    revalidatePath('/controls');
    return result;
  },
});

export const cancelGlobalStopReleaseMutation = defineMutation({
  name: 'cancelGlobalStopReleaseMutation',
  input: cancelReturnSchema,
  run: async (actor, input) => {
    const result = await cancelReturnToNormal(actor, input);
    revalidatePath('/controls');
    return result;
  },
});

/** The only active admin, with their password again (step-up, checked by the domain). */
export const releaseGlobalStopAloneMutation = defineMutation({
  name: 'releaseGlobalStopAloneMutation',
  input: z.object({ reason: z.string(), password: z.string().max(1000) }),
  run: async (actor, { reason, password }) => {
    const result = await releaseAsSingleAdmin(
      actor,
      { target: GLOBAL_STOP, reason, password },
      clientAddress(await headers()),
    );
    revalidatePath('/', 'layout');
    return result;
  },
});
