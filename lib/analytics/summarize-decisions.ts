import { ACTION_LEVELS, isWriteLevel, type ActionLevel } from '../policy/action-levels';
import { percentile } from './percentile';

/** An action a person decided (Action.reviewerId is the final decider; decidedAt when the action moved). */
export type DecidedActionRow = {
  id: string;
  toolName: string;
  /** The tool's level; null when the action names no registered tool. */
  actionLevel: string | null;
  createdAt: Date;
  decidedAt: Date;
  status: string;
  reviewerId: string;
  reviewerName: string;
  /** When the deciding reviewer first opened the card (audit `action.opened`); null when no open was recorded. */
  openedAt: Date | null;
};

/** One reviewer's approval of an action (ActionApproval): with a quorum, several per action. */
export type ApprovalRow = {
  actionId: string;
  reviewerId: string;
  reviewerName: string;
  createdAt: Date;
  actionCreatedAt: Date;
  actionLevel: string | null;
  /** When this reviewer first opened the card; null when no open was recorded. */
  openedAt: Date | null;
};

export type SummaryOptions = {
  /** UTC days [from, to): every day in between gets a row, with zeros when nothing was decided. */
  from: Date;
  to: Date;
  /** A high-impact decision taken in less than this many seconds counts as fast (a possible rubber stamp). */
  fastSeconds: number;
};

export type OutcomeCounts = { decisions: number; approved: number; rejected: number; approvalRate: number | null };
export type DurationStats = { medianSeconds: number | null; p90Seconds: number | null };
export type ToolSummary = OutcomeCounts & DurationStats & { toolName: string };
export type ReviewerSummary = OutcomeCounts &
  DurationStats & {
    reviewerId: string;
    name: string;
    highImpactDecisions: number;
    fastHighImpact: number;
    fastShare: number | null;
    flagged: boolean;
  };
export type DaySummary = { day: string; approved: number; rejected: number };
export type DecisionSummary = OutcomeCounts &
  DurationStats & {
    fastHighImpact: number;
    /** High-impact decisions with no recorded open (e.g. made before opens were recorded): timed from the proposal. */
    highImpactTimedFromProposal: number;
    perTool: ToolSummary[];
    perReviewer: ReviewerSummary[];
    perDay: DaySummary[];
  };

/** A reviewer is flagged when at least half of their high-impact decisions were fast, out of at least three (one is noise). */
export const FLAG_FAST_SHARE = 0.5;
export const FLAG_MIN_HIGH_IMPACT = 3;

type Outcome = 'approved' | 'rejected';
/**
 * `seconds`: from the proposal (how long the action waited). `reviewSeconds`: from this reviewer's first open of the
 * card (how long they looked before deciding), or from the proposal when no open was recorded (`opened` false).
 */
type ReviewerDecision = {
  reviewerId: string;
  name: string;
  outcome: Outcome;
  seconds: number;
  reviewSeconds: number;
  opened: boolean;
  highImpact: boolean;
};

const DAY_MS = 86_400_000;
const seconds = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 1000);
const outcomeOf = (status: string): Outcome => (status === 'rejected' ? 'rejected' : 'approved'); // approved, then maybe executed
const isHighImpact = (level: string | null) =>
  level !== null && (ACTION_LEVELS as readonly string[]).includes(level) && isWriteLevel(level as ActionLevel);

/**
 * Per-reviewer decisions: each approval row is its reviewer's decision at its own time; a rejection is the final
 * decider's. An approved action whose final approver has no approval row (data from before quorums) counts once, from
 * the action itself.
 */
export function toReviewerDecisions(
  actions: readonly DecidedActionRow[],
  approvals: readonly ApprovalRow[],
): ReviewerDecision[] {
  const approvedBy = new Set(approvals.map((a) => `${a.actionId}\n${a.reviewerId}`));
  const fromApprovals = approvals.map((a) => ({
    reviewerId: a.reviewerId,
    name: a.reviewerName,
    outcome: 'approved' as const,
    seconds: seconds(a.actionCreatedAt, a.createdAt),
    reviewSeconds: seconds(a.openedAt ?? a.actionCreatedAt, a.createdAt),
    opened: a.openedAt !== null,
    highImpact: isHighImpact(a.actionLevel),
  }));
  const fromActions = actions
    .filter((a) => outcomeOf(a.status) === 'rejected' || !approvedBy.has(`${a.id}\n${a.reviewerId}`))
    .map((a) => ({
      reviewerId: a.reviewerId,
      name: a.reviewerName,
      outcome: outcomeOf(a.status),
      seconds: seconds(a.createdAt, a.decidedAt),
      reviewSeconds: seconds(a.openedAt ?? a.createdAt, a.decidedAt),
      opened: a.openedAt !== null,
      highImpact: isHighImpact(a.actionLevel),
    }));
  return [...fromApprovals, ...fromActions];
}

export function summarizeDecisions(
  actions: readonly DecidedActionRow[],
  approvals: readonly ApprovalRow[],
  options: SummaryOptions,
): DecisionSummary {
  const decided = actions.map((a) => ({
    toolName: a.toolName,
    outcome: outcomeOf(a.status),
    seconds: seconds(a.createdAt, a.decidedAt),
    day: a.decidedAt.toISOString().slice(0, 10),
  }));
  const reviewerDecisions = toReviewerDecisions(actions, approvals);
  // A rubber stamp is measured from when the reviewer opened the card: an action may wait hours before anyone looks.
  const fast = (d: ReviewerDecision) => d.highImpact && d.reviewSeconds < options.fastSeconds;

  const perTool = [...groupBy(decided, (d) => d.toolName)].map(([toolName, rows]) => ({
    toolName,
    ...outcomes(rows),
    ...durations(rows),
  }));
  const perReviewer = [...groupBy(reviewerDecisions, (d) => d.reviewerId)].map(([reviewerId, rows]) => {
    const highImpactDecisions = rows.filter((d) => d.highImpact).length;
    const fastHighImpact = rows.filter(fast).length;
    const fastShare = highImpactDecisions > 0 ? fastHighImpact / highImpactDecisions : null;
    const flagged = highImpactDecisions >= FLAG_MIN_HIGH_IMPACT && (fastShare ?? 0) >= FLAG_FAST_SHARE;
    return {
      reviewerId,
      name: rows[0]?.name ?? reviewerId,
      ...outcomes(rows),
      ...durations(rows),
      highImpactDecisions,
      fastHighImpact,
      fastShare,
      flagged,
    };
  });

  return {
    ...outcomes(decided),
    ...durations(decided),
    fastHighImpact: reviewerDecisions.filter(fast).length,
    highImpactTimedFromProposal: reviewerDecisions.filter((d) => d.highImpact && !d.opened).length,
    perTool: perTool.sort((a, b) => b.decisions - a.decisions || a.toolName.localeCompare(b.toolName)),
    perReviewer: perReviewer.sort((a, b) => b.decisions - a.decisions || a.name.localeCompare(b.name)),
    perDay: perDay(decided, options.from, options.to),
  };
}

function outcomes(rows: readonly { outcome: Outcome }[]): OutcomeCounts {
  const approved = rows.filter((r) => r.outcome === 'approved').length;
  return {
    decisions: rows.length,
    approved,
    rejected: rows.length - approved,
    approvalRate: rows.length > 0 ? approved / rows.length : null,
  };
}

function durations(rows: readonly { seconds: number }[]): DurationStats {
  const values = rows.map((r) => r.seconds);
  return { medianSeconds: percentile(values, 0.5), p90Seconds: percentile(values, 0.9) };
}

function perDay(rows: readonly { day: string; outcome: Outcome }[], from: Date, to: Date): DaySummary[] {
  const days = new Map<string, DaySummary>();
  for (let t = Date.parse(from.toISOString().slice(0, 10)); t < to.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.set(day, { day, approved: 0, rejected: 0 });
  }
  for (const row of rows) {
    const day = days.get(row.day);
    if (day) day[row.outcome] += 1;
  }
  return [...days.values()];
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
