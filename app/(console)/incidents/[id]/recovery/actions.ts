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
import { runAsUser } from '../../../run-as-user';

// An incident's return to normal (admins: incidents.manage, checked by the domain). The incident's pages, the header
// and the Controls banner read the switches again afterwards.
const incidentInput = z.object({ incidentId: z.string().trim().min(1).max(100) });
const reasonInput = incidentInput.extend({ reason: z.string() });

function refresh(incidentId: string) {
  revalidatePath(`/incidents/${incidentId}`, 'layout');
  revalidatePath('/', 'layout');
}

export async function requestIncidentReturnAction(input: unknown) {
  return runAsUser(async (actor) => {
    const { incidentId, reason } = reasonInput.parse(input);
    const result = await requestReturnToNormal(actor, { target: { incidentId }, reason });
    refresh(incidentId);
    return { id: result.id };
  });
}

export async function approveIncidentReturnAction(input: unknown) {
  return runAsUser(async (actor) => {
    const { incidentId, ...decision } = incidentInput.extend(reviewReturnSchema.shape).parse(input);
    const result = await approveReturnToNormal(actor, decision);
    refresh(incidentId);
    return result;
  });
}

export async function rejectIncidentReturnAction(input: unknown) {
  return runAsUser(async (actor) => {
    const { incidentId, ...decision } = incidentInput.extend(reviewReturnSchema.shape).parse(input);
    const result = await rejectReturnToNormal(actor, decision);
    refresh(incidentId);
    return result;
  });
}

export async function cancelIncidentReturnAction(input: unknown) {
  return runAsUser(async (actor) => {
    const { incidentId, ...cancel } = incidentInput.extend(cancelReturnSchema.shape).parse(input);
    const result = await cancelReturnToNormal(actor, cancel);
    refresh(incidentId);
    return result;
  });
}

/** The only active admin, with their password again (step-up, checked by the domain). */
export async function releaseIncidentAloneAction(input: unknown) {
  return runAsUser(async (actor) => {
    const { incidentId, reason, password } = reasonInput.extend({ password: z.string().max(1000) }).parse(input);
    const result = await releaseAsSingleAdmin(actor, { target: { incidentId }, reason, password }, clientAddress(await headers()));
    refresh(incidentId);
    return result;
  });
}
