'use server';

import { revalidatePath } from 'next/cache';
import { closeIncident } from '@/lib/incidents/close-incident';
import { closeIncidentSchema } from '@/lib/incidents/schemas';
import { runAsUser } from '../../run-as-user';

/** Closes the incident with its resolution (the header's form, on every tab); the domain checks incidents.manage. */
export async function closeIncidentAction(input: unknown) {
  return runAsUser(async (actor) => {
    const result = await closeIncident(actor, closeIncidentSchema.parse(input));
    revalidatePath('/', 'layout');
    return { id: result.id };
  });
}
