import { describe, expect, it } from 'vitest';
import { describeLoosening } from './grant-loosening';
import { OPEN_GRANT_POLICY, type Constraint, type GrantPolicy } from './grant-policy';

const base: GrantPolicy = { ...OPEN_GRANT_POLICY, approvals: 1 };
const rules = (patch: Partial<GrantPolicy>): GrantPolicy => ({ ...base, ...patch });
const cap = (max: number, effect: 'block' | 'review' = 'block'): Constraint => ({
  kind: 'range',
  param: 'amount',
  max,
  effect,
});
const DAY = Date.UTC(2030, 0, 1);

describe('describeLoosening: what a change lets through that it did not before', () => {
  const table: [string, Partial<GrantPolicy>, Partial<GrantPolicy>, string[]][] = [
    ['no change', {}, {}, []],
    ['fewer approvals', { approvals: 2 }, { approvals: 1 }, ['approvals required 2 → 1']],
    ['no approval at all (item 7)', { approvals: 1 }, { approvals: 0 }, ['approvals required 1 → 0 (no human review)']],
    ['more approvals', { approvals: 1 }, { approvals: 3 }, []],
    [
      'a required group dropped',
      { requiredGroups: ['g1', 'g2'] },
      { requiredGroups: ['g2'] },
      ['a required reviewer group is no longer required'],
    ],
    ['a required group added', { requiredGroups: [] }, { requiredGroups: ['g1'] }, []],
    [
      'a block cap removed',
      { constraints: [cap(1000)] },
      { constraints: [] },
      ['condition "amount ≤ 1,000 else block" removed or relaxed'],
    ],
    [
      'a block cap raised',
      { constraints: [cap(1000)] },
      { constraints: [cap(5000)] },
      ['condition "amount ≤ 1,000 else block" removed or relaxed'],
    ],
    ['a block cap lowered', { constraints: [cap(1000)] }, { constraints: [cap(500)] }, []],
    [
      'block → review',
      { constraints: [cap(1000)] },
      { constraints: [cap(1000, 'review')] },
      ['condition "amount ≤ 1,000 else block" removed or relaxed'],
    ],
    ['review → block', { constraints: [cap(1000, 'review')] }, { constraints: [cap(1000)] }, []],
    [
      'the cap moved to a misspelt parameter (the amout case)',
      { constraints: [cap(1000)] },
      { constraints: [{ ...cap(1000), param: 'amout' }] },
      ['condition "amount ≤ 1,000 else block" removed or relaxed'],
    ],
    [
      'an allowed value added',
      { constraints: [{ kind: 'allowed_values', param: 'currency', values: ['EUR'], effect: 'block' }] },
      { constraints: [{ kind: 'allowed_values', param: 'currency', values: ['EUR', 'GBP'], effect: 'block' }] },
      ['condition "currency in EUR else block" removed or relaxed'],
    ],
    [
      'an allowed value removed',
      { constraints: [{ kind: 'allowed_values', param: 'currency', values: ['EUR', 'GBP'], effect: 'block' }] },
      { constraints: [{ kind: 'allowed_values', param: 'currency', values: ['EUR'], effect: 'block' }] },
      [],
    ],
    ['a new condition', {}, { constraints: [cap(10)] }, []],
    [
      'rate limit removed',
      { rateLimit: { count: 10, windowSeconds: 60 } },
      { rateLimit: null },
      ['rate limit 10 / 1 min → none'],
    ],
    [
      'rate limit count raised',
      { rateLimit: { count: 10, windowSeconds: 60 } },
      { rateLimit: { count: 20, windowSeconds: 60 } },
      ['rate limit 10 / 1 min → 20 / 1 min'],
    ],
    [
      'rate limit window shortened',
      { rateLimit: { count: 10, windowSeconds: 3600 } },
      { rateLimit: { count: 10, windowSeconds: 60 } },
      ['rate limit 10 / 1 h → 10 / 1 min'],
    ],
    ['rate limit added', { rateLimit: null }, { rateLimit: { count: 10, windowSeconds: 60 } }, []],
    ['calls per trace raised', { maxCallsPerTrace: 1 }, { maxCallsPerTrace: 3 }, ['calls per trace 1 → 3']],
    ['pending cap removed', { maxPending: 25 }, { maxPending: null }, ['pending cap 25 → none']],
    ['pending cap lowered', { maxPending: 25 }, { maxPending: 5 }, []],
    ['expiry removed', { expiresAt: DAY }, { expiresAt: null }, ['expiry 2030-01-01 → never']],
    ['expiry later', { expiresAt: DAY }, { expiresAt: DAY + 86_400_000 }, ['expiry 2030-01-01 → 2030-01-02']],
    ['expiry earlier', { expiresAt: DAY }, { expiresAt: DAY - 86_400_000 }, []],
    ['expiry added', { expiresAt: null }, { expiresAt: DAY }, []],
    ['environment widened', { environment: 'test' }, { environment: 'any' }, ['environment test only → any']],
    ['environment narrowed', { environment: 'any' }, { environment: 'test' }, []],
    [
      'reason no longer required',
      { requireReason: true },
      { requireReason: false },
      ['a reason is no longer required'],
    ],
    [
      'requester removed',
      { requester: { roles: ['agent'], attributes: {} } },
      { requester: null },
      ['a verified requester is no longer required'],
    ],
    [
      'requester role dropped',
      { requester: { roles: ['a', 'b'], attributes: {} } },
      { requester: { roles: ['a'], attributes: {} } },
      ['the verified requester needs fewer roles or claims'],
    ],
    [
      'loop detection removed',
      { loop: { maxRepeats: 3, windowSeconds: 60, pauseAgent: true } },
      { loop: null },
      ['loop detection removed'],
    ],
    [
      'loop no longer pauses',
      { loop: { maxRepeats: 3, windowSeconds: 60, pauseAgent: true } },
      { loop: { maxRepeats: 3, windowSeconds: 60, pauseAgent: false } },
      ['loop detection relaxed'],
    ],
    [
      'owner may approve',
      { ownerMayApprove: false },
      { ownerMayApprove: true },
      ["the agent's owner may now approve its calls"],
    ],
    ['a longer review deadline is not a loosening', { reviewTimeoutMinutes: 60 }, { reviewTimeoutMinutes: 600 }, []],
    [
      'routing is not a loosening',
      { reviewGroupId: 'g1', escalationLadder: [{ afterMinutes: 5, groupId: 'g2' }] },
      { reviewGroupId: null, escalationLadder: [] },
      [],
    ],
  ];
  it.each(table)('%s', (_, before, after, expected) => {
    expect(describeLoosening(rules(before), rules(after)).map((l) => l.words)).toEqual(expected);
  });

  it('a change that tightens one rule and loosens another still loosens', () => {
    const found = describeLoosening(rules({ approvals: 2, maxPending: null }), rules({ approvals: 1, maxPending: 5 }));
    expect(found.map((l) => l.rule)).toEqual(['approvals']);
  });
});
