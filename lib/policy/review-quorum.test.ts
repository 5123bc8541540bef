import { describe, expect, it } from 'vitest';
import { missingGroups, planApproval, quorumProgress, type QuorumState } from './review-quorum';

const state = (over: Partial<QuorumState> = {}): QuorumState => ({
  required: 1,
  requiredGroups: [],
  approvals: [],
  ...over,
});
type Expected =
  | { ok: true; groupId: string | null; complete: boolean; approvals: number }
  | { ok: false; reason: string; missingGroups: string[] };
const twoGroups = state({ required: 2, requiredGroups: ['finance', 'security'] });

describe('planApproval', () => {
  it.each<[string, QuorumState, string, string[], Expected]>([
    ['single approval completes', state(), 'r1', [], { ok: true, groupId: null, complete: true, approvals: 1 }],
    ['first of two', state({ required: 2 }), 'r1', [], { ok: true, groupId: null, complete: false, approvals: 1 }],
    [
      'second distinct reviewer completes',
      state({ required: 2, approvals: [{ reviewerId: 'r1', groupId: null }] }),
      'r2',
      [],
      { ok: true, groupId: null, complete: true, approvals: 2 },
    ],
    [
      'same reviewer twice',
      state({ required: 2, approvals: [{ reviewerId: 'r1', groupId: null }] }),
      'r1',
      [],
      { ok: false, reason: 'already_approved', missingGroups: [] },
    ],
    [
      'finance member covers finance',
      twoGroups,
      'r1',
      ['finance'],
      { ok: true, groupId: 'finance', complete: false, approvals: 1 },
    ],
    [
      'member of both covers the first missing',
      twoGroups,
      'r1',
      ['security', 'finance'],
      { ok: true, groupId: 'finance', complete: false, approvals: 1 },
    ],
    [
      'outsider cannot take a group slot',
      twoGroups,
      'r1',
      [],
      { ok: false, reason: 'needs_group', missingGroups: ['finance', 'security'] },
    ],
    [
      'security completes after finance',
      state({
        required: 2,
        requiredGroups: ['finance', 'security'],
        approvals: [{ reviewerId: 'r1', groupId: 'finance' }],
      }),
      'r2',
      ['security'],
      { ok: true, groupId: 'security', complete: true, approvals: 2 },
    ],
    [
      'second finance member cannot complete without security',
      state({
        required: 2,
        requiredGroups: ['finance', 'security'],
        approvals: [{ reviewerId: 'r1', groupId: 'finance' }],
      }),
      'r2',
      ['finance'],
      { ok: false, reason: 'needs_group', missingGroups: ['security'] },
    ],
    [
      'spare slot lets an outsider approve first',
      state({ required: 3, requiredGroups: ['finance', 'security'] }),
      'r1',
      [],
      { ok: true, groupId: null, complete: false, approvals: 1 },
    ],
    // Fiona approved for finance, then left it (her groups are re-matched as they are today: none).
    [
      'after an approver left their group, a security member is still taken',
      state({
        required: 2,
        requiredGroups: ['finance', 'security'],
        approvals: [{ reviewerId: 'fiona', groupId: 'finance', groups: [] }],
      }),
      'sara',
      ['security'],
      { ok: true, groupId: 'security', complete: false, approvals: 2 },
    ],
    [
      'and a finance member then completes it, past the number',
      state({
        required: 2,
        requiredGroups: ['finance', 'security'],
        approvals: [
          { reviewerId: 'fiona', groupId: 'finance', groups: [] },
          { reviewerId: 'sara', groupId: 'security', groups: ['security'] },
        ],
      }),
      'frank',
      ['finance'],
      { ok: true, groupId: 'finance', complete: true, approvals: 3 },
    ],
    [
      'the refusal names the group actually uncovered, not the stored one',
      state({
        required: 2,
        requiredGroups: ['finance', 'security'],
        approvals: [
          { reviewerId: 'fiona', groupId: 'finance', groups: [] },
          { reviewerId: 'sara', groupId: 'security', groups: ['security'] },
        ],
      }),
      'olga',
      [],
      { ok: false, reason: 'needs_group', missingGroups: ['finance'] },
    ],
    [
      'groups raise a lower number',
      state({
        required: 1,
        requiredGroups: ['finance', 'security'],
        approvals: [{ reviewerId: 'r1', groupId: 'finance' }],
      }),
      'r2',
      ['security'],
      { ok: true, groupId: 'security', complete: true, approvals: 2 },
    ],
  ])('%s', (_name, s, reviewer, groups, expected) => {
    const plan = planApproval(s, reviewer, groups);
    const { assignments: _ignored, ...rest } = plan.ok ? plan : { ...plan, assignments: null };
    expect(plan.ok ? rest : plan).toEqual(expected);
  });

  it('moves a member of both groups to make room for a member of one', () => {
    const sam = { reviewerId: 'sam', groupId: 'finance', groups: ['finance', 'security'] };
    const plan = planApproval({ required: 2, requiredGroups: ['finance', 'security'], approvals: [sam] }, 'fiona', [
      'finance',
    ]);
    expect(plan).toEqual({
      ok: true,
      groupId: 'finance',
      complete: true,
      approvals: 2,
      assignments: [
        { reviewerId: 'sam', groupId: 'security' },
        { reviewerId: 'fiona', groupId: 'finance' },
      ],
    });
  });

  it('keeps earlier assignments when nothing forces a move', () => {
    const sam = { reviewerId: 'sam', groupId: 'security', groups: ['finance', 'security'] };
    const plan = planApproval({ required: 3, requiredGroups: ['finance', 'security'], approvals: [sam] }, 'ann', [
      'finance',
      'security',
    ]);
    expect(plan.ok && plan.assignments).toEqual([
      { reviewerId: 'sam', groupId: 'security' },
      { reviewerId: 'ann', groupId: 'finance' },
    ]);
  });

  it('never completes while a required group is missing, whatever the order of approvals', () => {
    const reviewers = [
      ['r1', ['finance']],
      ['r2', []],
      ['r3', ['finance']],
      ['r4', ['security']],
    ] as const;
    for (const order of [
      [0, 1, 2, 3],
      [1, 0, 3, 2],
      [2, 0, 1, 3],
      [3, 2, 1, 0],
    ]) {
      let s = state({ required: 3, requiredGroups: ['finance', 'security'] });
      for (const i of order) {
        const [id, groups] = reviewers[i];
        const plan = planApproval(s, id, groups);
        if (!plan.ok) continue;
        if (plan.complete)
          expect(
            missingGroups({ ...s, approvals: [...s.approvals, { reviewerId: id, groupId: plan.groupId }] }),
          ).toEqual([]);
        s = { ...s, approvals: [...s.approvals, { reviewerId: id, groupId: plan.groupId }] };
      }
    }
  });
});

describe('quorumProgress', () => {
  it('shows the number and each group', () => {
    expect(
      quorumProgress(
        state({
          required: 2,
          requiredGroups: ['finance', 'security'],
          approvals: [{ reviewerId: 'r1', groupId: 'security' }],
        }),
      ),
    ).toEqual({
      approvals: 1,
      required: 2,
      groups: [
        { groupId: 'finance', approved: false },
        { groupId: 'security', approved: true },
      ],
    });
  });
});
