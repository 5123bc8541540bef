import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { rawDate, rawText } from '../db/raw-values';
import { Prisma } from '../generated/sqlite/client';
import { holdSwitchesSteady } from '../kill-switches/global-stop';
import { readEngagedStops } from '../kill-switches/read-engaged-stops';
import { coveredByStop } from '../kill-switches/stop-coverage-sql';
import { isDeadlineFrozen } from '../policy/stop-coverage';
import { notifyActionChanged } from '../realtime/action-changes';
import { transitionAction } from './transition-action';

const SYSTEM: Actor = { type: 'system', id: 'review-deadline' };

/**
 * pending_review → expired when the review deadline has passed: a compare-and-set with its audit event, inside the
 * caller's transaction. Expiry blocks; it never approves. A deadline frozen by a stop (a block switch in scope,
 * engaged before it) does not pass while the stop holds: its release gives the frozen time back
 * (lib/kill-switches/release-switch-in-tx.ts). Returns whether this call expired it.
 */
export async function expireIfOverdue(
  tx: Tx,
  action: { id: string; agentId: string; status: string; expiresAt: Date | null },
  now = new Date(),
): Promise<boolean> {
  if (action.status !== 'pending_review' || !action.expiresAt || action.expiresAt > now) return false;
  // Under the switches' share lock, so a release (which moves deadlines) commits wholly before or after this read;
  // the deadline is read again here, as the caller's copy may predate a release that moved it.
  await holdSwitchesSteady(tx);
  const current = await tx.action.findUnique({ where: { id: action.id }, select: { status: true, agentId: true, toolName: true, createdAt: true, expiresAt: true } });
  if (!current || current.status !== 'pending_review' || !current.expiresAt || current.expiresAt > now) return false;
  if (isDeadlineFrozen(await readEngagedStops(tx, current.agentId), current)) return false;
  const moved = await transitionAction(tx, {
    id: action.id,
    from: 'pending_review',
    to: 'expired',
    changes: { decidedAt: now, decisionReason: `no decision before the deadline ${current.expiresAt.toISOString()}` },
  });
  if (moved) {
    await recordAuditEvent(tx, { actor: SYSTEM, actionId: action.id, agentId: action.agentId, type: 'action.expired', payload: { deadline: current.expiresAt.toISOString() } });
  }
  return moved;
}

/**
 * Expires overdue pending actions, a batch at a time: a step of the background loop (lib/notifications/
 * background-worker.ts), never of a read. Until it runs, reads show such an action as expired already
 * (lib/policy/effective-status.ts), and no decision can approve it (each decision expires it first). Actions frozen
 * by a stop are passed by (in SQL, so a long stop over many waiting actions costs the loop nothing per tick).
 */
export async function expireOverdueActions(limit = 500): Promise<number> {
  const now = new Date();
  const rows = await db().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT a."id", a."agentId", a."expiresAt" FROM "Action" a
    WHERE a."status" = 'pending_review' AND a."expiresAt" <= ${now} AND NOT ${coveredByStop()}
    LIMIT ${limit}`);
  let expired = 0;
  for (const row of rows) {
    const action = { id: rawText(row.id)!, agentId: rawText(row.agentId)!, status: 'pending_review', expiresAt: rawDate(row.expiresAt) };
    if (await db().$transaction((tx) => expireIfOverdue(tx, action, now))) {
      expired += 1;
      notifyActionChanged(action.id);
    }
  }
  return expired;
}
