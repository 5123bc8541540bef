import type { Tx } from '../db/client';
import { canTransition, type ActionStatus } from '../policy/action-status';

type ActionChanges = {
  decisionReason?: string | null;
  reviewerId?: string | null;
  decidedAt?: Date | null;
  result?: string | null;
  downstreamRef?: string | null;
  approvedParamsHash?: string | null;
};

/**
 * The only way an action's status changes: a compare-and-set on the status the caller saw.
 * Returns false when the action is no longer in `from` (someone else moved it first); the caller decides what to say.
 */
export async function transitionAction(
  tx: Tx,
  move: { id: string; from: ActionStatus; to: ActionStatus; changes?: ActionChanges; agentId?: string },
): Promise<boolean> {
  if (!canTransition(move.from, move.to)) throw new Error(`Illegal action transition ${move.from} → ${move.to}`);
  const { count } = await tx.action.updateMany({
    where: { id: move.id, status: move.from, ...(move.agentId ? { agentId: move.agentId } : {}) },
    data: { status: move.to, ...move.changes },
  });
  return count === 1;
}
