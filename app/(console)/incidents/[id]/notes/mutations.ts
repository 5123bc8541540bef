'use server';

import { revalidatePath } from 'next/cache';
import { addIncidentNote } from '@/lib/incidents/add-incident-note';
import { addIncidentNoteSchema, setIncidentFallbackSchema } from '@/lib/incidents/schemas';
import { setIncidentFallback } from '@/lib/incidents/set-incident-fallback';
import { defineMutation } from '../../../define-mutation';

/** A responder's note on the incident (append-only; refused once closed). */
export const addIncidentNoteMutation = defineMutation({
  name: 'addIncidentNoteMutation',
  input: addIncidentNoteSchema,
  run: async (actor, input) => {
    const result = await addIncidentNote(actor, input);
    revalidatePath(`/incidents/${input.id}`, 'layout');
    return result;
  },
});

/** The manual fallback shown on the affected agents' pages and review cards while the incident is open. */
export const setIncidentFallbackMutation = defineMutation({
  name: 'setIncidentFallbackMutation',
  input: setIncidentFallbackSchema,
  run: async (actor, input) => {
    const result = await setIncidentFallback(actor, input);
    // Shown on agents' pages and action cards: those read differently now.
    revalidatePath('/', 'layout');
    return result;
  },
});
