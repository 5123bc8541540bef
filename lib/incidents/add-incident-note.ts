import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { uuidV7 } from '../ids/time-ordered-id';
import { incidentRefusal } from './incident-refusal';
import { addIncidentNoteSchema, type AddIncidentNoteInput } from './schemas';

/**
 * Appends a responder's note to an open incident. The note moves the incident's version (a compare-and-set on
 * "still open"), so a note can never land after a concurrent close, and a close form loaded before it is refused.
 */
export async function addIncidentNote(actor: Actor, input: AddIncidentNoteInput): Promise<{ id: string }> {
  assertCan(actor, 'incidents.manage');
  const data = addIncidentNoteSchema.parse(input);
  return db().$transaction(async (tx) => {
    const { count } = await tx.incident.updateMany({
      where: { id: data.id, status: 'open' },
      data: { version: { increment: 1 } },
    });
    if (count !== 1) throw await incidentRefusal(tx, data.id, undefined, 'adding a note');
    const id = uuidV7();
    await tx.incidentNote.create({
      data: { id, incidentId: data.id, authorId: actor.type === 'user' ? actor.id : null, body: data.body },
    });
    const { title } = await tx.incident.findUniqueOrThrow({ where: { id: data.id }, select: { title: true } });
    await recordAuditEvent(tx, {
      actor,
      type: 'incident.note_added',
      payload: { incidentId: data.id, title, noteId: id, body: data.body },
    });
    return { id };
  });
}
