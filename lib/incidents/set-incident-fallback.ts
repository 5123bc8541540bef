import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { incidentRefusal } from './incident-refusal';
import { setIncidentFallbackSchema, type SetIncidentFallbackInput } from './schemas';

/**
 * Sets the manual fallback reviewers read on the affected agents' pages and review cards while the incident is
 * open: a compare-and-set on open (and the version the writer saw) with the before/after in the audit event.
 */
export async function setIncidentFallback(
  actor: Actor,
  input: SetIncidentFallbackInput,
): Promise<{ changed: boolean }> {
  assertCan(actor, 'incidents.manage');
  const data = setIncidentFallbackSchema.parse(input);
  return db().$transaction(async (tx) => {
    const current = await tx.incident.findUnique({
      where: { id: data.id },
      select: { manualFallback: true, title: true, version: true, status: true },
    });
    if (!current || current.status !== 'open')
      throw await incidentRefusal(tx, data.id, data.version, 'changing the fallback');
    // The same text again writes nothing (and moves no version), like engaging an engaged switch.
    if (current.manualFallback === data.manualFallback) return { changed: false };
    const { count } = await tx.incident.updateMany({
      where: { id: data.id, status: 'open', version: data.version ?? current.version },
      data: { manualFallback: data.manualFallback, version: { increment: 1 } },
    });
    if (count !== 1) throw await incidentRefusal(tx, data.id, data.version ?? current.version, 'changing the fallback');
    await recordAuditEvent(tx, {
      actor,
      type: 'incident.fallback_set',
      payload: {
        incidentId: data.id,
        title: current.title,
        before: current.manualFallback,
        after: data.manualFallback,
      },
    });
    return { changed: true };
  });
}
