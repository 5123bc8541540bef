import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { incidentRefusal } from './incident-refusal';
import { closeIncidentSchema, type CloseIncidentInput } from './schemas';

/**
 * Closes an open incident with its required resolution: one compare-and-set (open, and the version the closer saw)
 * with its audit event. The window ends at the close. Closed is terminal; releasing its containment is the return to
 * normal's, not this.
 */
export async function closeIncident(actor: Actor, input: CloseIncidentInput): Promise<{ id: string; closedAt: Date }> {
  assertCan(actor, 'incidents.manage');
  const data = closeIncidentSchema.parse(input);
  return db().$transaction(async (tx) => {
    const closedAt = new Date();
    const { count } = await tx.incident.updateMany({
      where: { id: data.id, status: 'open', ...(data.version ? { version: data.version } : {}) },
      data: {
        status: 'closed',
        closedAt,
        windowEnd: closedAt,
        closedById: actor.type === 'user' ? actor.id : null,
        resolution: data.resolution,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw await incidentRefusal(tx, data.id, data.version, 'closing it again');
    const { title } = await tx.incident.findUniqueOrThrow({ where: { id: data.id }, select: { title: true } });
    await recordAuditEvent(tx, {
      actor,
      type: 'incident.closed',
      payload: { incidentId: data.id, title, summary: data.resolution, windowEnd: closedAt.toISOString() },
    });
    return { id: data.id, closedAt };
  });
}
