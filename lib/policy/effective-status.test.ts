import { describe, expect, it } from 'vitest';
import { effectiveStatus, expiryReason } from './effective-status';

const NOW = Date.parse('2026-12-06T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW + offsetMs);

describe('effectiveStatus', () => {
  it.each([
    // status, expiresAt, frozen, reads as
    ['pending_review', at(60_000), false, 'pending_review', 'before its deadline it is still waiting'],
    ['pending_review', at(0), false, 'expired', 'at its deadline it is expired'],
    ['pending_review', at(-1), false, 'expired', 'past its deadline it is expired'],
    [
      'pending_review',
      at(-86_400_000),
      true,
      'pending_review',
      'frozen by a stop it never reads expired, however late',
    ],
    ['pending_review', at(60_000), true, 'pending_review', 'frozen before its deadline it is still waiting'],
    ['pending_review', null, false, 'pending_review', 'without a deadline it waits'],
    ['approved', at(-1), false, 'approved', 'only a pending action expires: approved stays approved'],
    ['rejected', at(-1), false, 'rejected', 'terminal states are final'],
    ['expired', at(-1), false, 'expired', 'a committed expiry reads the same'],
    ['executing', at(-1), false, 'executing', 'executing is past review'],
    ['draft', at(-1), false, 'draft', 'a draft has no review deadline to pass'],
    ['blocked', null, false, 'blocked', 'blocked stays blocked'],
  ] as const)('%s, deadline %s, frozen %s → %s (%s)', (status, expiresAt, frozen, expected, _why) => {
    expect(effectiveStatus({ status, expiresAt }, NOW, frozen)).toBe(expected);
  });

  it('reads a deadline given as an ISO string the same as a Date', () => {
    expect(effectiveStatus({ status: 'pending_review', expiresAt: at(-1).toISOString() }, NOW)).toBe('expired');
    expect(effectiveStatus({ status: 'pending_review', expiresAt: at(1).toISOString() }, NOW)).toBe('pending_review');
  });

  it('the expiry reason names the deadline, as the committed expiry does', () => {
    expect(expiryReason(at(0))).toBe('no decision before the deadline 2026-12-06T12:00:00.000Z');
  });
});
