import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, INITIAL_STATUSES, TRANSITIONS, canTransition, isTerminal } from './action-status';

describe('action state machine', () => {
  it.each<[string, string, boolean]>([
    ['pending_review', 'approved', true],
    ['pending_review', 'rejected', true],
    ['pending_review', 'executing', false],
    ['pending_review', 'expired', true],
    ['expired', 'approved', false],
    ['approved', 'expired', false],
    ['approved', 'executing', true],
    ['approved', 'blocked', true],
    ['approved', 'rejected', false],
    ['executing', 'succeeded', true],
    ['executing', 'failed', true],
    ['executing', 'approved', false],
    ['rejected', 'approved', false],
    ['blocked', 'approved', false],
    ['succeeded', 'failed', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from as never, to as never)).toBe(allowed);
  });

  it('terminal states are final', () => {
    const terminal = ACTION_STATUSES.filter(isTerminal);
    expect(terminal.sort()).toEqual(['blocked', 'draft', 'expired', 'failed', 'rejected', 'succeeded']);
    for (const from of terminal) for (const to of ACTION_STATUSES) expect(canTransition(from, to)).toBe(false);
  });

  it('every target is a known status and nothing moves back to pending review', () => {
    for (const targets of Object.values(TRANSITIONS)) {
      for (const to of targets) {
        expect(ACTION_STATUSES).toContain(to);
        expect(to).not.toBe('pending_review');
      }
    }
    expect(INITIAL_STATUSES).toEqual(['approved', 'pending_review', 'draft', 'blocked']);
  });
});
