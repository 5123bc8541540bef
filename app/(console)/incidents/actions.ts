'use server';

import { revalidatePath } from 'next/cache';
import { openIncident } from '@/lib/incidents/open-incident';
import { openIncidentSchema } from '@/lib/incidents/schemas';
import { runAsUser } from '../run-as-user';

/** Opens an incident and engages its containment (one transaction in the domain); admins only (the domain checks). */
export async function openIncidentAction(input: unknown) {
  return runAsUser(async (actor) => {
    const result = await openIncident(actor, openIncidentSchema.parse(input));
    // Containment changes the banner, agents' states and the Controls page: every console page may read differently.
    revalidatePath('/', 'layout');
    return { id: result.id };
  });
}
