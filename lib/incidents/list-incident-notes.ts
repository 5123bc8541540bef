import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';

export type IncidentNoteView = { id: string; author: string; body: string; createdAt: string };

/** The responders' notes on one incident, oldest first (a log, read top to bottom). */
export async function listIncidentNotes(actor: Actor, incidentId: string): Promise<IncidentNoteView[]> {
  assertCan(actor, 'incidents.manage');
  if (!(await db().incident.findUnique({ where: { id: incidentId }, select: { id: true } }))) {
    throw new WardenError('not_found', 'No incident with that id.', { incidentId });
  }
  const notes = await db().incidentNote.findMany({
    where: { incidentId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const authorIds = [...new Set(notes.flatMap((n) => (n.authorId ? [n.authorId] : [])))];
  const users = new Map(
    (await db().user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true, email: true } })).map(
      (u) => [u.id, `${u.name} (${u.email})`],
    ),
  );
  return notes.map((n) => ({
    id: n.id,
    author: n.authorId ? (users.get(n.authorId) ?? 'a deleted user') : 'the admin CLI',
    body: n.body,
    createdAt: n.createdAt.toISOString(),
  }));
}
