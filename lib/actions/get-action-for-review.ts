import { assertCan, can, type Actor } from '../auth/actor';
import { toAuditEventViews } from '../audit/audit-event-view';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { isWriteLevel, type ActionLevel } from '../policy/action-levels';
import { toActionView } from './action-view';

export type ReviewOutcome = { decision: 'approved' | 'rejected'; by: { name: string; email: string } | null; at: string; comment: string | null };

/**
 * One action as a reviewer needs to see it: what the agent asked for, on whose behalf, why (in the agent's words),
 * what the gate decided and why, who decided it, and its whole audit trail, oldest first.
 * The gate's reasons and the reviewer's comment are read from the audit trail, which keeps both.
 */
export async function getActionForReview(actor: Actor, actionId: string) {
  assertCan(actor, 'actions.read');
  const row = await db().action.findUnique({
    where: { id: actionId },
    include: {
      agent: { select: { id: true, name: true } },
      tool: { select: { actionLevel: true, description: true } },
      reviewer: { select: { email: true, name: true } },
      events: { orderBy: { seq: 'asc' } },
    },
  });
  if (!row) throw new WardenError('not_found', 'No such action.');

  const events = await toAuditEventViews(db(), row.events);
  const actionLevel = (row.tool?.actionLevel as ActionLevel | undefined) ?? null;
  const gate = events.find((event) => event.type === 'gate.decided');
  const review = events.find((event) => event.type === 'action.approved' || event.type === 'action.rejected');
  const action = toActionView(row);

  return {
    action,
    agent: row.agent,
    actionLevel,
    toolDescription: row.tool?.description ?? null,
    isWrite: actionLevel !== null && isWriteLevel(actionLevel),
    gateReasons: Array.isArray(gate?.payload.reasons) ? gate.payload.reasons.map(String) : [],
    review: review
      ? ({
          decision: review.type === 'action.approved' ? 'approved' : 'rejected',
          by: row.reviewer,
          at: review.at,
          comment: typeof review.payload.comment === 'string' ? review.payload.comment : null,
        } satisfies ReviewOutcome)
      : null,
    events,
    viewerCanDecide: action.status === 'pending_review' && can(actor, 'actions.decide'),
  };
}

export type ActionForReview = Awaited<ReturnType<typeof getActionForReview>>;
