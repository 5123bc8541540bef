import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { coalescedRunner, COALESCE_MS } from '../realtime/coalesced-runner';
import { watchActionChanges } from '../realtime/watch-action-changes';

export type ActionDecision = {
  /** Where the action went from pending_review: approved, rejected, expired (or, later, executing and on). */
  status: string;
  /** The person who decided; null for an expiry (or a decider since deleted). */
  by: { id: string; name: string } | null;
  at: string | null;
};

/**
 * For a review card left open: calls `onDecided` once, when the action is no longer pending review (decided by
 * another reviewer, expired, in this app instance or another on the same database), with who decided and when; at
 * once if it already is. Escalations and partial approvals leave it pending and call nothing. Reads only.
 * Returns the unsubscribe; after it, or after the call, nothing more is sent.
 */
export async function watchActionDecision(
  actor: Actor,
  actionId: string,
  onDecided: (decision: ActionDecision) => void,
): Promise<() => void> {
  assertCan(actor, 'actions.read');
  const exists = await db().action.findUnique({ where: { id: actionId }, select: { id: true } });
  if (!exists) throw new WardenError('not_found', 'No such action.');
  let closed = false;
  const checker = coalescedRunner('Reading an action for a live decision update', COALESCE_MS, async () => {
    const row = await db().action.findUnique({
      where: { id: actionId },
      select: { status: true, decidedAt: true, reviewer: { select: { id: true, name: true } } },
    });
    if (row && row.status !== 'pending_review' && !closed) {
      stop();
      onDecided({ status: row.status, by: row.reviewer, at: row.decidedAt?.toISOString() ?? null });
    }
  });
  const unwatch = watchActionChanges((changed) => {
    if (changed.has(actionId)) checker.request();
  });
  function stop() {
    if (closed) return;
    closed = true;
    checker.stop();
    unwatch();
  }
  checker.request(0);
  return stop;
}
