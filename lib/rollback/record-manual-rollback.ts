import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { manualRollbackSchema } from './schemas';

/**
 * A responder undid an executed action by hand (a tool whose rollback is manual, or a compensation that failed):
 * recorded as an audit event on the original with the note, nothing else. The original action stays as it was, and
 * no action is created: Warden did not run anything. Refused when the action was already marked so.
 */
export async function recordManualRollback(actor: Actor, input: { actionId: string; note: string }): Promise<void> {
  assertCan(actor, 'actions.rollback');
  const { actionId, note } = manualRollbackSchema.parse(input);
  await db().$transaction(async (tx) => {
    const action = await tx.action.findUnique({
      where: { id: actionId },
      select: { id: true, status: true, agentId: true, updatedAt: true },
    });
    if (!action) throw new WardenError('not_found', 'No such action.');
    if (action.status !== 'succeeded') {
      throw new WardenError(
        'conflict',
        `Only an action that succeeded can be rolled back; this one is ${action.status}.`,
        { status: action.status },
      );
    }
    const already = await tx.auditEvent.findFirst({
      where: { actionId, type: 'rollback.recorded_manually' },
      select: { seq: true },
    });
    if (already) throw new WardenError('conflict', 'This action is already recorded as rolled back manually.');
    // A compare-and-set on the row as read: of two responders recording at once, the second waits for the first's
    // commit and then matches nothing (on PostgreSQL the audit read above alone would let both through).
    const { count } = await tx.action.updateMany({
      where: { id: actionId, status: 'succeeded', updatedAt: action.updatedAt },
      data: { updatedAt: new Date() },
    });
    if (count !== 1)
      throw new WardenError(
        'conflict',
        'This action changed meanwhile (another responder may have recorded it). Reload and try again.',
      );
    await recordAuditEvent(tx, {
      actor,
      actionId,
      agentId: action.agentId,
      type: 'rollback.recorded_manually',
      payload: { note },
    });
  });
}
