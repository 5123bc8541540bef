import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';

/**
 * Runs an approval; when a stop refuses it (the action is frozen, recordReviewDecision's refuseWhileBlocked), the
 * refusal is recorded as `action.approval_refused_frozen` naming the switches, in a transaction of its own (the
 * approval's own rolled back: nothing about the action changed), then the refusal goes on to the caller. Controls
 * counts these per switch ("refused since").
 */
export async function recordingFrozenRefusal<T>(actor: Actor, actionId: string, approve: () => Promise<T>): Promise<T> {
  try {
    return await approve();
  } catch (error) {
    if (error instanceof WardenError && error.details.frozen === true && Array.isArray(error.details.reasons)) {
      const reasons = error.details.reasons.map(String);
      await db().$transaction(async (tx) => {
        const action = await tx.action.findUnique({ where: { id: actionId }, select: { agentId: true } });
        if (action)
          await recordAuditEvent(tx, {
            actor,
            actionId,
            agentId: action.agentId,
            type: 'action.approval_refused_frozen',
            payload: { reasons },
          });
      });
    }
    throw error;
  }
}
