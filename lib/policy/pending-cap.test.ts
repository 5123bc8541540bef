import { describe, expect, it } from 'vitest';
import { decideProposal } from './decide-proposal';
import { facts } from './gate-fixtures';
import { OPEN_GRANT_POLICY, type GrantPolicy } from './grant-policy';
import { DEFAULT_MAX_PENDING, needsPendingCount, withDefaultPendingCap } from './pending-cap';

const grant = (rules: Partial<GrantPolicy>): GrantPolicy => ({ ...OPEN_GRANT_POLICY, ...rules });

describe('withDefaultPendingCap', () => {
  it.each([
    ['no grant', null, null],
    ['a grant without a cap gets the default', { maxPending: null }, DEFAULT_MAX_PENDING],
    ['a lower cap of its own stays', { maxPending: 3 }, 3],
    ['a higher cap of its own stays', { maxPending: 5000 }, 5000],
    ['a cap of 0 stays (nothing may queue)', { maxPending: 0 }, 0],
  ])('%s', (_name, rules, expected) => {
    const result = withDefaultPendingCap(rules === null ? null : grant(rules), DEFAULT_MAX_PENDING);
    expect(result === null ? null : result.maxPending).toBe(expected);
  });
});

describe('the default cap in the decision', () => {
  it.each([
    ['999 pending: queues', 999, 1, 'pending_review'],
    ['1,000 pending: refused naming the cap', 1000, 1, 'throttled'],
    ['1,000 pending, no review needed: approved', 1000, 0, 'approved'],
  ])('%s', (_name, pending, approvals, outcome) => {
    const decision = decideProposal(
      facts({
        grant: withDefaultPendingCap(grant({ approvals }), DEFAULT_MAX_PENDING),
        counters: { callsInWindow: 0, callsInTrace: 0, pending, repeatsInWindow: 0 },
      }),
    );
    expect(decision.outcome).toBe(outcome);
    if (outcome === 'throttled')
      expect(decision.reasons[0]).toBe('throttled: agent already has 1,000 actions pending review (cap 1000)');
  });
});

describe('needsPendingCount', () => {
  it.each([
    [{ kind: 'created', outcome: 'pending_review' }, true],
    [{ kind: 'created', outcome: 'approved' }, false],
    [{ kind: 'created', outcome: 'draft' }, false],
    [{ kind: 'created', outcome: 'blocked' }, false],
    [{ kind: 'invalid' }, false],
    [{ kind: 'throttled' }, false],
  ])('%j → %s', (outcome, expected) => {
    expect(needsPendingCount(outcome)).toBe(expected);
  });
});
