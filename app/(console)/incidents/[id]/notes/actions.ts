'use server';

import { revalidatePath } from 'next/cache';
import { addIncidentNote } from '@/lib/incidents/add-incident-note';
import { addIncidentNoteSchema, setIncidentFallbackSchema } from '@/lib/incidents/schemas';
import { setIncidentFallback } from '@/lib/incidents/set-incident-fallback';
import { runAsUser } from '../../../run-as-user';

/** A responder's note on the incident (append-only; refused once closed). */
export async function addIncidentNoteAction(input: unknown) {
  return runAsUser(async (actor) => {
    const data = addIncidentNoteSchema.parse(input);
    const result = await addIncidentNote(actor, data);
    revalidatePath(`/incidents/${data.id}`, 'layout');
    return result;
  });
}

/** The manual fallback shown on the affected agents' pages and review cards while the incident is open. */
export async function setIncidentFallbackAction(input: unknown) {
  return runAsUser(async (actor) => {
    const result = await setIncidentFallback(actor, setIncidentFallbackSchema.parse(input));
    // Shown on agents' pages and action cards: those read differently now.
    revalidatePath('/', 'layout');
    return result;
  });
}
