import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent } from './format-stats';
import { percentile } from './percentile';
import {
  summarizeDecisions,
  toReviewerDecisions,
  type ApprovalRow,
  type DecidedActionRow,
} from './summarize-decisions';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const at = (secondsAfter: number) => new Date(T0 + secondsAfter * 1000);

/** An action proposed at T0 (+ offset) and decided `after` seconds later. */
function action(id: string, after: number, over: Partial<DecidedActionRow> = {}): DecidedActionRow {
  const createdAt = over.createdAt ?? at(0);
  return {
    id,
    toolName: 'refund.issue',
    actionLevel: 'external',
    status: 'approved',
    reviewerId: 'ann',
    reviewerName: 'Ann',
    createdAt,
    decidedAt: new Date(createdAt.getTime() + after * 1000),
    openedAt: null,
    ...over,
  };
}
const approval = (
  actionId: string,
  reviewerId: string,
  after: number,
  actionLevel: string | null = 'external',
  openedAt: Date | null = null,
): ApprovalRow => ({
  actionId,
  reviewerId,
  reviewerName: reviewerId === 'ann' ? 'Ann' : 'Bob',
  createdAt: at(after),
  actionCreatedAt: at(0),
  actionLevel,
  openedAt,
});
const RANGE = { from: new Date(Date.UTC(2026, 10, 1)), to: new Date(Date.UTC(2026, 10, 4)), fastSeconds: 5 };

describe('percentile', () => {
  it.each<[string, number[], number, number | null]>([
    ['no values', [], 0.5, null],
    ['one value', [7], 0.9, 7],
    ['median of an odd count', [30, 10, 20], 0.5, 20],
    ['median of an even count interpolates', [10, 20], 0.5, 15],
    ['p90 of 1..10', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
    ['p90 of two', [0, 100], 0.9, 90],
    ['p outside 0..1 is clamped', [1, 2, 3], 2, 3],
  ])('%s', (_name, values, p, expected) => {
    const result = percentile(values, p);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 9);
  });
});

describe('toReviewerDecisions', () => {
  it.each<[string, DecidedActionRow[], ApprovalRow[], { reviewerId: string; outcome: string; seconds: number }[]]>([
    [
      'one approval: counted once, from its approval row',
      [action('a1', 12)],
      [approval('a1', 'ann', 12)],
      [{ reviewerId: 'ann', outcome: 'approved', seconds: 12 }],
    ],
    [
      'approved action without an approval row (older data)',
      [action('a1', 12)],
      [],
      [{ reviewerId: 'ann', outcome: 'approved', seconds: 12 }],
    ],
    [
      'quorum of two: each reviewer at their own time',
      [action('a1', 40, { reviewerId: 'bob', reviewerName: 'Bob' })],
      [approval('a1', 'ann', 3), approval('a1', 'bob', 40)],
      [
        { reviewerId: 'ann', outcome: 'approved', seconds: 3 },
        { reviewerId: 'bob', outcome: 'approved', seconds: 40 },
      ],
    ],
    [
      'quorum broken by a rejection: the approval and the rejection both count',
      [action('a1', 50, { status: 'rejected', reviewerId: 'bob', reviewerName: 'Bob' })],
      [approval('a1', 'ann', 3)],
      [
        { reviewerId: 'ann', outcome: 'approved', seconds: 3 },
        { reviewerId: 'bob', outcome: 'rejected', seconds: 50 },
      ],
    ],
    [
      'first approval of a still-pending quorum',
      [],
      [approval('a9', 'ann', 8)],
      [{ reviewerId: 'ann', outcome: 'approved', seconds: 8 }],
    ],
    [
      'approved, then executed and failed: still an approval',
      [action('a1', 9, { status: 'failed' })],
      [],
      [{ reviewerId: 'ann', outcome: 'approved', seconds: 9 }],
    ],
    [
      'a clock that went backwards counts as 0 s',
      [action('a1', -4)],
      [],
      [{ reviewerId: 'ann', outcome: 'approved', seconds: 0 }],
    ],
  ])('%s', (_name, actions, approvals, expected) => {
    expect(
      toReviewerDecisions(actions, approvals).map(({ reviewerId, outcome, seconds }) => ({
        reviewerId,
        outcome,
        seconds,
      })),
    ).toEqual(expected);
  });
});

describe('summarizeDecisions', () => {
  const actions = [
    action('a1', 2, { toolName: 'crm.update', actionLevel: 'update' }),
    action('a2', 4, { toolName: 'crm.update', actionLevel: 'update' }),
    action('a3', 3, { toolName: 'crm.update', actionLevel: 'update', status: 'rejected' }),
    action('a4', 60, { toolName: 'kb.read', actionLevel: 'read', reviewerId: 'bob', reviewerName: 'Bob' }),
    action('a5', 120, {
      toolName: 'kb.read',
      actionLevel: 'read',
      reviewerId: 'bob',
      reviewerName: 'Bob',
      status: 'rejected',
      createdAt: new Date(Date.UTC(2026, 10, 3, 8)),
    }),
  ];
  const summary = summarizeDecisions(actions, [], RANGE);

  it.each<[string, unknown, unknown]>([
    ['decisions', summary.decisions, 5],
    ['approval rate', summary.approvalRate, 3 / 5],
    ['median of 2, 3, 4, 60, 120', summary.medianSeconds, 4],
    ['p90 of 2, 3, 4, 60, 120', summary.p90Seconds, 96],
    ["fast high-impact: Ann's three updates under 5 s; Bob's reads never count", summary.fastHighImpact, 3],
    [
      'tools, busiest first',
      summary.perTool.map((t) => [t.toolName, t.decisions, t.approved, t.medianSeconds]),
      [
        ['crm.update', 3, 2, 3],
        ['kb.read', 2, 1, 90],
      ],
    ],
    [
      'every day of the range, zeros included',
      summary.perDay,
      [
        { day: '2026-11-01', approved: 0, rejected: 0 },
        { day: '2026-11-02', approved: 3, rejected: 1 },
        { day: '2026-11-03', approved: 0, rejected: 1 },
      ],
    ],
    [
      'Ann: all high-impact decisions fast, flagged',
      pick(summary, 'ann'),
      { decisions: 3, approvalRate: 2 / 3, highImpactDecisions: 3, fastHighImpact: 3, fastShare: 1, flagged: true },
    ],
    [
      'Bob: no high-impact decisions, no share',
      pick(summary, 'bob'),
      { decisions: 2, approvalRate: 1 / 2, highImpactDecisions: 0, fastHighImpact: 0, fastShare: null, flagged: false },
    ],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it.each<[string, number, number, boolean]>([
    ['threshold 2 s: 2 s is not under it', 2, 0, false],
    ['threshold 3 s: only the 2 s decision', 3, 1, false],
    ['threshold 4 s: 2 of 3 is over half', 4, 2, true],
    ['threshold 5 s: all three', 5, 3, true],
  ])('%s', (_name, fastSeconds, fast, flagged) => {
    const ann = pick(summarizeDecisions(actions, [], { ...RANGE, fastSeconds }), 'ann');
    expect([ann.fastHighImpact, ann.flagged]).toEqual([fast, flagged]);
  });

  it('two fast decisions out of two are not enough to flag (too few to judge)', () => {
    expect(pick(summarizeDecisions(actions.slice(0, 2), [], RANGE), 'ann')).toMatchObject({
      fastShare: 1,
      flagged: false,
    });
  });

  it('no decisions: counts are zero, rates and times are null', () => {
    expect(summarizeDecisions([], [], RANGE)).toMatchObject({
      decisions: 0,
      approvalRate: null,
      medianSeconds: null,
      p90Seconds: null,
      fastHighImpact: 0,
      perTool: [],
      perReviewer: [],
    });
  });
});

describe('the fast clock starts when the reviewer opened the card', () => {
  // Proposed at T0, opened at +3600 s, decided at +3602 s: waited an hour, looked at for two seconds.
  const opened = at(3600);
  it.each<[string, DecidedActionRow[], ApprovalRow[], number, number]>([
    [
      'approval 2 s after opening is fast, though an hour after the proposal',
      [],
      [approval('a1', 'ann', 3602, 'external', opened)],
      1,
      0,
    ],
    ['rejection 2 s after opening is fast', [action('a1', 3602, { status: 'rejected', openedAt: opened })], [], 1, 0],
    ['approval 60 s after opening is not fast', [], [approval('a1', 'ann', 3660, 'external', opened)], 0, 0],
    [
      'no open recorded: timed from the proposal (an hour: not fast), and counted as such',
      [],
      [approval('a1', 'ann', 3602)],
      0,
      1,
    ],
    ['no open recorded, decided 2 s after the proposal: fast', [], [approval('a1', 'ann', 2)], 1, 1],
    ['a read is never high-impact, opened or not', [], [approval('a1', 'ann', 3602, 'read', opened)], 0, 0],
  ])('%s', (_name, actions, approvals, fast, timedFromProposal) => {
    const summary = summarizeDecisions(actions, approvals, RANGE);
    expect([summary.fastHighImpact, summary.highImpactTimedFromProposal]).toEqual([fast, timedFromProposal]);
  });

  it('the time to decision still runs from the proposal', () => {
    expect(summarizeDecisions([action('a1', 3602, { openedAt: opened })], [], RANGE).medianSeconds).toBe(3602);
  });
});

describe('format', () => {
  it.each<[number | null, string]>([
    [null, '—'],
    [0, '0 s'],
    [2.25, '2.3 s'],
    [4, '4 s'],
    [59.99, '1 min'],
    [96, '1 min 36 s'],
    [3600, '1 h'],
    [3 * 3600 + 125, '3 h 2 min'],
    [2 * 86_400 + 7200, '2 d 2 h'],
  ])('duration %s → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));

  it.each<[number | null, string]>([
    [null, '—'],
    [0, '0%'],
    [2 / 3, '67%'],
    [1, '100%'],
  ])('percent %s → %s', (rate, text) => expect(formatPercent(rate)).toBe(text));
});

function pick(summary: ReturnType<typeof summarizeDecisions>, reviewerId: string) {
  const row = summary.perReviewer.find((r) => r.reviewerId === reviewerId)!;
  const { decisions, approvalRate, highImpactDecisions, fastHighImpact, fastShare, flagged } = row;
  return { decisions, approvalRate, highImpactDecisions, fastHighImpact, fastShare, flagged };
}
