import { assertCan, can, type Actor } from '../auth/actor';
import { toAuditEventViews } from '../audit/audit-event-view';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { isWriteLevel, type ActionLevel } from '../policy/action-levels';
import { maskParams, renderSummary } from '../tools/present-params';
import { toActionView } from './action-view';

export type ReviewOutcome = { decision: 'approved' | 'rejected'; by: { name: string; email: string } | null; at: string; comment: string | null };

/**
 * One action as a reviewer needs to see it: what the agent asked for, on whose behalf, why (in the agent's words),
 * what the gate decided and why, who decided it, and its whole audit trail, oldest first.
 * The reviewer's comment is read from the audit trail (the action row keeps only the latest reason).
 * Parameters the tool marks sensitive are masked for people without `actions.read_sensitive`.
 */
export async function getActionForReview(actor: Actor, actionId: string) {
  assertCan(actor, 'actions.read');
  const row = await db().action.findUnique({
    where: { id: actionId },
    include: {
      agent: { select: { id: true, name: true } },
      tool: { select: { actionLevel: true, description: true, sensitiveFields: true, summaryTemplate: true } },
      reviewer: { select: { email: true, name: true } },
      events: { orderBy: { seq: 'asc' } },
      approvals: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!row) throw new WardenError('not_found', 'No such action.');

  const events = await toAuditEventViews(db(), row.events);
  const actionLevel = (row.tool?.actionLevel as ActionLevel | undefined) ?? null;
  const review = events.find((event) => event.type === 'action.approved' || event.type === 'action.rejected');
  const view = toActionView(row);
  const sensitive = JSON.parse(row.tool?.sensitiveFields ?? '[]') as string[];
  const action = can(actor, 'actions.read_sensitive')
    ? view
    : { ...view, params: maskParams(view.params, sensitive), ...(view.originalParams && { originalParams: maskParams(view.originalParams, sensitive) }) };
  const reviewers = await db().user.findMany({
    where: { id: { in: row.approvals.map((approval) => approval.reviewerId) } },
    select: { id: true, name: true, email: true },
  });

  return {
    action,
    agent: row.agent,
    actionLevel,
    toolDescription: row.tool?.description ?? null,
    summary: row.tool?.summaryTemplate ? renderSummary(row.tool.summaryTemplate, action.params) : null,
    paramsMasked: action !== view && sensitive.length > 0,
    isWrite: actionLevel !== null && isWriteLevel(actionLevel),
    gateReasons: view.decision.reasons,
    review: review
      ? ({
          decision: review.type === 'action.approved' ? 'approved' : 'rejected',
          by: row.reviewer,
          at: review.at,
          comment: typeof review.payload.comment === 'string' ? review.payload.comment : null,
        } satisfies ReviewOutcome)
      : null,
    /** Approvals recorded so far, for actions that need several reviewers. */
    approvals: row.approvals.map((approval) => ({
      reviewer: reviewers.find((user) => user.id === approval.reviewerId) ?? null,
      comment: approval.comment,
      at: approval.createdAt.toISOString(),
    })),
    events,
    viewerCanDecide: action.status === 'pending_review' && can(actor, 'actions.decide'),
  };
}

export type ActionForReview = Awaited<ReturnType<typeof getActionForReview>>;
