'use server';

import { revalidatePath } from 'next/cache';
import { markIncidentActions } from '@/lib/incidents/mark-incident-actions';
import { requestIncidentRollbacks } from '@/lib/incidents/request-incident-rollbacks';
import { markIncidentActionsSchema, requestIncidentRollbacksSchema, type MarkIncidentActionsInput, type RequestIncidentRollbacksInput } from '@/lib/incidents/timeline/schemas';
import { runAsUser } from '../../run-as-user';

/** Overview: mark the selected actions (one mark and note for all of them). */
export async function markIncidentActionsAction(input: MarkIncidentActionsInput) {
  return runAsUser(async (actor) => {
    const parsed = markIncidentActionsSchema.parse(input);
    const result = await markIncidentActions(actor, parsed);
    revalidatePath(`/incidents/${parsed.incidentId}`);
    return result;
  });
}

/** Overview: request the compensation of each selected executed action; each outcome is reported. */
export async function requestIncidentRollbacksAction(input: RequestIncidentRollbacksInput) {
  return runAsUser(async (actor) => {
    const parsed = requestIncidentRollbacksSchema.parse(input);
    const outcomes = await requestIncidentRollbacks(actor, parsed);
    revalidatePath(`/incidents/${parsed.incidentId}`);
    return outcomes;
  });
}
