import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db/client';
import { holdSwitchesSteady } from '../kill-switches/global-stop';
import { readEngagedStops } from '../kill-switches/read-engaged-stops';
import { expiryReason } from '../policy/effective-status';
import { isDeadlineFrozen } from '../policy/stop-coverage';
import { transitionAction } from './transition-action';
import { prismaRunner } from '../db/sql-runner';

const SYSTEM: Actor = { type: 'system', id: 'review-deadline' };

/**
 * pending_review → expired when the review deadline has passed: a compare-and-set with its audit event, inside the
 * caller's transaction — the job's step (lib/jobs/expire-overdue-actions.ts), and every decision, escalation and
 * edit, which commits an overdue action's expiry instead of acting on it. Expiry blocks; it never approves. A
 * deadline frozen by a stop (a block switch in scope, engaged before it) does not pass while the stop holds: its
 * release gives the frozen time back (lib/kill-switches/release-switch-in-tx.ts). Returns whether this call expired it.
 */
export async function expireIfOverdue(
  tx: Tx,
  action: { id: string; agentId: string; status: string; expiresAt: Date | null },
  now = new Date(),
): Promise<boolean> {
  if (action.status !== 'pending_review' || !action.expiresAt || action.expiresAt > now) return false;
  // Under the switches' share lock, so a release (which moves deadlines) commits wholly before or after this read;
  // the deadline is read again here, as the caller's copy may predate a release that moved it.
  await holdSwitchesSteady(prismaRunner(tx));
  const current = await tx.action.findUnique({
    where: { id: action.id },
    select: { status: true, agentId: true, toolName: true, createdAt: true, expiresAt: true },
  });
  if (!current || current.status !== 'pending_review' || !current.expiresAt || current.expiresAt > now) return false;
  if (isDeadlineFrozen(await readEngagedStops(prismaRunner(tx), current.agentId), current)) return false;
  const moved = await transitionAction(prismaRunner(tx), {
    id: action.id,
    from: 'pending_review',
    to: 'expired',
    changes: { decidedAt: now, decisionReason: expiryReason(current.expiresAt) },
  });
  if (moved) {
    await recordAuditEvent(tx, {
      actor: SYSTEM,
      actionId: action.id,
      agentId: action.agentId,
      type: 'action.expired',
      payload: { deadline: current.expiresAt.toISOString() },
    });
  }
  return moved;
}
