'use server';

import { revalidatePath } from 'next/cache';
import { markIncidentActions } from '@/lib/incidents/mark-incident-actions';
import { requestIncidentRollbacks } from '@/lib/incidents/request-incident-rollbacks';
import { markIncidentActionsSchema, requestIncidentRollbacksSchema } from '@/lib/incidents/timeline/schemas';
import { defineMutation } from '../../define-mutation';

/** Overview: mark the selected actions (one mark and note for all of them). */
export const markIncidentActionsMutation = defineMutation({
  name: 'markIncidentActionsMutation',
  input: markIncidentActionsSchema,
  run: async (actor, input) => {
    const result = await markIncidentActions(actor, input);
    revalidatePath(`/incidents/${input.incidentId}`);
    return result;
  },
});

/** Overview: request the compensation of each selected executed action; each outcome is reported. */
export const requestIncidentRollbacksMutation = defineMutation({
  name: 'requestIncidentRollbacksMutation',
  input: requestIncidentRollbacksSchema,
  run: async (actor, input) => {
    const outcomes = await requestIncidentRollbacks(actor, input);
    revalidatePath(`/incidents/${input.incidentId}`);
    return outcomes;
  },
});
