'use server';

import { revalidatePath } from 'next/cache';
import { openIncident } from '@/lib/incidents/open-incident';
import { openIncidentSchema } from '@/lib/incidents/schemas';
import { defineMutation } from '../define-mutation';

/** Opens an incident and engages its containment (one transaction in the domain); admins only (the domain checks). */
export const openIncidentMutation = defineMutation({
  name: 'openIncidentMutation',
  input: openIncidentSchema,
  run: async (actor, input) => {
    const result = await openIncident(actor, input);
    // Containment changes the banner, agents' states and the Controls page: every console page may read differently.
    revalidatePath('/', 'layout');
    return { id: result.id };
  },
});
