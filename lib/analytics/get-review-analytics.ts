import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import type { ReviewRange } from './review-range';
import {
  summarizeDecisions,
  type ApprovalRow,
  type DecidedActionRow,
  type DecisionSummary,
} from './summarize-decisions';

/** Rows read per query; past this the page says the numbers cover only the most recent decisions. */
export const ANALYTICS_ROW_CAP = 20_000;
/** Opens read: a few reviewers per decision; past this the oldest decisions fall back to the proposal time. */
const OPEN_ROW_CAP = 4 * ANALYTICS_ROW_CAP;

export type ReviewAnalytics = DecisionSummary & {
  range: ReviewRange;
  /** True when the range held more decisions or approvals than the cap: the oldest were left out. */
  capped: boolean;
  /** Actions whose review deadline passed in the range with no decision (status "expired"). */
  expired: number;
};

/**
 * How people review: time to decision, approval rates and fast decisions on high-impact actions, overall, per tool and
 * per reviewer. A decision is fast by the time since its reviewer first opened the card (audit `action.opened`), or
 * since the proposal when no open was recorded. Reads the few columns needed and computes in JS (summarizeDecisions): percentiles are not portable SQL
 * between SQLite and PostgreSQL, and a range rarely holds more than a few thousand decisions.
 */
export async function getReviewAnalytics(actor: Actor, range: ReviewRange): Promise<ReviewAnalytics> {
  assertCan(actor, 'audit.read');
  const window = { gte: range.from, lt: range.to };

  const [actionRows, approvalRows, expired, openRows] = await Promise.all([
    // People's decisions only: an action the gate let through has no reviewer.
    db().action.findMany({
      where: { reviewerId: { not: null }, decidedAt: window },
      select: {
        id: true,
        toolName: true,
        createdAt: true,
        decidedAt: true,
        status: true,
        reviewerId: true,
        tool: { select: { actionLevel: true } },
        reviewer: { select: { name: true } },
      },
      orderBy: { decidedAt: 'desc' },
      take: ANALYTICS_ROW_CAP + 1,
    }),
    db().actionApproval.findMany({
      where: { createdAt: window },
      select: {
        actionId: true,
        reviewerId: true,
        createdAt: true,
        action: { select: { createdAt: true, tool: { select: { actionLevel: true } } } },
      },
      orderBy: { createdAt: 'desc' },
      take: ANALYTICS_ROW_CAP + 1,
    }),
    // Expiry stamps decidedAt with the moment it happened (lib/actions/expire-action.ts) and sets no reviewer.
    db().action.count({ where: { status: 'expired', decidedAt: window } }),
    // Reviewers' opens of the actions decided or approved in the range: the fast-decision clock starts there.
    db().auditEvent.findMany({
      where: {
        type: 'action.opened',
        actorType: 'user',
        action: { OR: [{ decidedAt: window }, { approvals: { some: { createdAt: window } } }] },
      },
      select: { actionId: true, actorId: true, at: true },
      orderBy: { seq: 'asc' },
      take: OPEN_ROW_CAP,
    }),
  ]);
  const firstOpen = new Map<string, Date>();
  for (const open of openRows) {
    const key = `${open.actionId}\n${open.actorId}`;
    const earlier = firstOpen.get(key);
    if (!earlier || open.at < earlier) firstOpen.set(key, open.at);
  }
  const openedAt = (actionId: string, reviewerId: string) => firstOpen.get(`${actionId}\n${reviewerId}`) ?? null;

  const capped = actionRows.length > ANALYTICS_ROW_CAP || approvalRows.length > ANALYTICS_ROW_CAP;
  const actions: DecidedActionRow[] = actionRows.slice(0, ANALYTICS_ROW_CAP).map((row) => ({
    id: row.id,
    toolName: row.toolName,
    actionLevel: row.tool?.actionLevel ?? null,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt!,
    status: row.status,
    reviewerId: row.reviewerId!,
    reviewerName: row.reviewer?.name ?? row.reviewerId!,
    openedAt: openedAt(row.id, row.reviewerId!),
  }));

  // ActionApproval has no relation to User: look the approvers' names up in one query.
  const approvals = approvalRows.slice(0, ANALYTICS_ROW_CAP);
  const approverIds = [...new Set(approvals.map((row) => row.reviewerId))];
  const approvers =
    approverIds.length > 0
      ? await db().user.findMany({ where: { id: { in: approverIds } }, select: { id: true, name: true } })
      : [];
  const names = new Map(approvers.map((user) => [user.id, user.name]));
  const approvalsIn: ApprovalRow[] = approvals.map((row) => ({
    actionId: row.actionId,
    reviewerId: row.reviewerId,
    reviewerName: names.get(row.reviewerId) ?? row.reviewerId,
    createdAt: row.createdAt,
    actionCreatedAt: row.action.createdAt,
    actionLevel: row.action.tool?.actionLevel ?? null,
    openedAt: openedAt(row.actionId, row.reviewerId),
  }));

  return { range, capped, expired, ...summarizeDecisions(actions, approvalsIn, range) };
}
