'use server';

import { revalidatePath } from 'next/cache';
import { closeIncident } from '@/lib/incidents/close-incident';
import { closeIncidentSchema } from '@/lib/incidents/schemas';
import { defineMutation } from '../../define-mutation';

/** Closes the incident with its resolution (the header's form, on every tab); the domain checks incidents.manage. */
export const closeIncidentMutation = defineMutation({
  name: 'closeIncidentMutation',
  input: closeIncidentSchema,
  run: async (actor, input) => {
    const result = await closeIncident(actor, input);
    revalidatePath('/', 'layout');
    return { id: result.id };
  },
});
