import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { invalidInput, WardenError } from '../errors';
import { actionInWindowWhere, loadIncidentWindow } from './timeline/incident-window';
import { markIncidentActionsSchema, type MarkIncidentActionsInput } from './timeline/schemas';

/**
 * Marks a selection of the incident's actions "needs follow-up", "verified fine" or "rolled back", with a note: the
 * current mark per action (IncidentMark, replaced by a later one) and an `incident.marked` event per action (the
 * history), in one transaction. Refused on a closed incident (a compare-and-set on its status, so a close that
 * commits first wins), and for any action outside the incident's agents and window (422 naming them; nothing marked).
 * A mark is the responder's judgement; it changes nothing about the action itself.
 */
export async function markIncidentActions(actor: Actor, input: MarkIncidentActionsInput): Promise<{ marked: number }> {
  assertCan(actor, 'incidents.manage');
  const { incidentId, mark, note, ...rest } = markIncidentActionsSchema.parse(input);
  const actionIds = [...new Set(rest.actionIds)];
  const window = await loadIncidentWindow(incidentId);

  await db().$transaction(async (tx) => {
    const { count } = await tx.incident.updateMany({
      where: { id: incidentId, status: 'open' },
      data: { status: 'open' },
    });
    if (count !== 1)
      throw new WardenError('conflict', 'This incident is closed: its actions can no longer be marked.', {
        status: 'closed',
      });

    const inScope = await tx.action.findMany({
      where: { AND: [{ id: { in: actionIds } }, actionInWindowWhere(window)] },
      select: { id: true, agentId: true },
    });
    const agentOf = new Map(inScope.map((action) => [action.id, action.agentId]));
    const outside = actionIds.filter((id) => !agentOf.has(id));
    if (outside.length > 0) {
      throw invalidInput(
        `Not an action of this incident (its agents, inside its window): ${outside.join(', ')}.`,
        outside.map((id) => ({ path: 'actionIds', message: `${id} is not in the incident` })),
      );
    }

    const before = new Map(
      (
        await tx.incidentMark.findMany({
          where: { incidentId, actionId: { in: actionIds } },
          select: { actionId: true, mark: true },
        })
      ).map((m) => [m.actionId, m.mark]),
    );
    const markedById = actor.type === 'user' ? actor.id : null;
    const markedAt = new Date();
    for (const actionId of actionIds) {
      await tx.incidentMark.upsert({
        where: { incidentId_actionId: { incidentId, actionId } },
        create: { incidentId, actionId, mark, note, markedById, markedAt },
        update: { mark, note, markedById, markedAt },
      });
      await recordAuditEvent(tx, {
        actor,
        actionId,
        agentId: agentOf.get(actionId),
        type: 'incident.marked',
        payload: { incidentId, mark, note, previous: before.get(actionId) ?? null },
      });
    }
  });
  return { marked: actionIds.length };
}
