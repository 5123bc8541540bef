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
import { defineMutation } from '../../../define-mutation';

// An incident's return to normal (admins: incidents.manage, checked by the domain). The incident's pages, the header
// and the Controls banner read the switches again afterwards.
const incidentInput = z.object({ incidentId: z.string().trim().min(1).max(100) });
const reasonInput = incidentInput.extend({ reason: z.string() });

function refresh(incidentId: string) {
  revalidatePath(`/incidents/${incidentId}`, 'layout');
  revalidatePath('/', 'layout');
}

export const requestIncidentReturnMutation = defineMutation({
  name: 'requestIncidentReturnMutation',
  input: reasonInput,
  run: async (actor, { incidentId, reason }) => {
    const result = await requestReturnToNormal(actor, { target: { incidentId }, reason });
    refresh(incidentId);
    return { id: result.id };
  },
});

export const approveIncidentReturnMutation = defineMutation({
  name: 'approveIncidentReturnMutation',
  input: incidentInput.extend(reviewReturnSchema.shape),
  run: async (actor, { incidentId, ...decision }) => {
    const result = await approveReturnToNormal(actor, decision);
    refresh(incidentId);
    return result;
  },
});

export const rejectIncidentReturnMutation = defineMutation({
  name: 'rejectIncidentReturnMutation',
  input: incidentInput.extend(reviewReturnSchema.shape),
  run: async (actor, { incidentId, ...decision }) => {
    const result = await rejectReturnToNormal(actor, decision);
    refresh(incidentId);
    return result;
  },
});

export const cancelIncidentReturnMutation = defineMutation({
  name: 'cancelIncidentReturnMutation',
  input: incidentInput.extend(cancelReturnSchema.shape),
  run: async (actor, { incidentId, ...cancel }) => {
    const result = await cancelReturnToNormal(actor, cancel);
    refresh(incidentId);
    return result;
  },
});

/** The only active admin, with their password again (step-up, checked by the domain). */
export const releaseIncidentAloneMutation = defineMutation({
  name: 'releaseIncidentAloneMutation',
  input: reasonInput.extend({ password: z.string().max(1000) }),
  run: async (actor, { incidentId, reason, password }) => {
    const result = await releaseAsSingleAdmin(
      actor,
      { target: { incidentId }, reason, password },
      clientAddress(await headers()),
    );
    refresh(incidentId);
    return result;
  },
});
