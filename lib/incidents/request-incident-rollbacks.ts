import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { invalidInput, isWardenError } from '../errors';
import { requestRollback } from '../rollback/request-rollback';
import { actionInWindowWhere, loadIncidentWindow } from './timeline/incident-window';
import { requestIncidentRollbacksSchema, type RequestIncidentRollbacksInput } from './timeline/schemas';

export type IncidentRollbackOutcome = { actionId: string } & (
  { ok: true; rollbackId: string; status: string } | { ok: false; error: string }
);

/**
 * "Request rollback" for a selection on the incident's Overview: each selected action of the incident goes through
 * lib/rollback/request-rollback.ts on its own (its own transaction, its own refusal: no compensating tool, already
 * rolled back, the gate blocks it), and each outcome is reported. Actions outside the incident are refused first
 * (422 naming them; nothing requested). Allowed on a closed incident too: undoing damage does not end with the incident.
 */
export async function requestIncidentRollbacks(
  actor: Actor,
  input: RequestIncidentRollbacksInput,
): Promise<IncidentRollbackOutcome[]> {
  assertCan(actor, 'incidents.manage');
  assertCan(actor, 'actions.rollback');
  const { incidentId, actionIds, note } = requestIncidentRollbacksSchema.parse(input);
  const ids = [...new Set(actionIds)];
  const window = await loadIncidentWindow(incidentId);
  const inScope = new Set(
    (
      await db().action.findMany({
        where: { AND: [{ id: { in: ids } }, actionInWindowWhere(window)] },
        select: { id: true },
      })
    ).map((a) => a.id),
  );
  const outside = ids.filter((id) => !inScope.has(id));
  if (outside.length > 0) {
    throw invalidInput(
      `Not an action of this incident: ${outside.join(', ')}.`,
      outside.map((id) => ({ path: 'actionIds', message: `${id} is not in the incident` })),
    );
  }
  const outcomes: IncidentRollbackOutcome[] = [];
  for (const actionId of ids) {
    try {
      const requested = await requestRollback(actor, { actionId, note: note || `Incident "${window.title}"` });
      outcomes.push({ actionId, ok: true, rollbackId: requested.id, status: requested.status });
    } catch (error) {
      if (!isWardenError(error)) throw error;
      outcomes.push({ actionId, ok: false, error: error.message });
    }
  }
  return outcomes;
}
