import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { notifyActionChanged } from '../realtime/action-changes';
import { transitionAction } from './transition-action';

const SYSTEM: Actor = { type: 'system', id: 'review-deadline' };

/**
 * pending_review → expired when the review deadline has passed: a compare-and-set with its audit event, inside the
 * caller's transaction. Expiry blocks; it never approves. Returns whether this call expired it.
 */
export async function expireIfOverdue(
  tx: Tx,
  action: { id: string; agentId: string; status: string; expiresAt: Date | null },
  now = new Date(),
): Promise<boolean> {
  if (action.status !== 'pending_review' || !action.expiresAt || action.expiresAt > now) return false;
  const moved = await transitionAction(tx, {
    id: action.id,
    from: 'pending_review',
    to: 'expired',
    changes: { decidedAt: now, decisionReason: `no decision before the deadline ${action.expiresAt.toISOString()}` },
  });
  if (moved) {
    await recordAuditEvent(tx, { actor: SYSTEM, actionId: action.id, agentId: action.agentId, type: 'action.expired', payload: { deadline: action.expiresAt.toISOString() } });
  }
  return moved;
}

/**
 * Expires overdue pending actions, a batch at a time: a step of the background loop (lib/notifications/
 * background-worker.ts), never of a read. Until it runs, reads show such an action as expired already
 * (lib/policy/effective-status.ts), and no decision can approve it (each decision expires it first).
 */
export async function expireOverdueActions(limit = 500): Promise<number> {
  const now = new Date();
  const overdue = await db().action.findMany({
    where: { status: 'pending_review', expiresAt: { lte: now } },
    select: { id: true, agentId: true, status: true, expiresAt: true },
    take: limit,
  });
  let expired = 0;
  for (const action of overdue) {
    if (await db().$transaction((tx) => expireIfOverdue(tx, action, now))) {
      expired += 1;
      notifyActionChanged(action.id);
    }
  }
  return expired;
}
