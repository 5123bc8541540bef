import { describe, expect, it } from 'vitest';
import {
  approvalRefusal,
  cancelRefusal,
  decisionRefusal,
  effectiveRequestStatus,
  isActiveAdmin,
  requestExpiresAt,
  singleAdminReleaseAllowed,
} from './return-to-normal';

const NOW = new Date('2026-12-06T12:00:00Z');
const LATER = new Date('2026-12-06T12:30:00Z');
const EARLIER = new Date('2026-12-06T11:30:00Z');
const pending = (expiresAt: Date | string = LATER, requestedById: string | null = 'ada') => ({
  status: 'pending',
  expiresAt,
  requestedById,
});
const admin = (id: string, extra: Partial<{ roles: string[]; disabled: boolean }> = {}) => ({
  id,
  roles: ['admin'],
  disabled: false,
  ...extra,
});

describe('effectiveRequestStatus', () => {
  it.each([
    ['pending before expiry', pending(LATER), 'pending'],
    ['pending at the expiry instant reads expired', pending(NOW), 'expired'],
    ['pending past expiry reads expired', pending(EARLIER), 'expired'],
    ['pending with the expiry as text', pending(LATER.toISOString()), 'pending'],
    ['pending with an unreadable expiry reads expired', pending('not a date'), 'expired'],
    ['approved stays approved past expiry', { status: 'approved', expiresAt: EARLIER }, 'approved'],
    ['rejected', { status: 'rejected', expiresAt: LATER }, 'rejected'],
    ['cancelled', { status: 'cancelled', expiresAt: LATER }, 'cancelled'],
    ['stored expired', { status: 'expired', expiresAt: LATER }, 'expired'],
    ['an unknown stored status reads expired', { status: 'weird', expiresAt: LATER }, 'expired'],
  ])('%s', (_name, request, expected) => {
    expect(effectiveRequestStatus(request, NOW)).toBe(expected);
  });
});

describe('approvalRefusal', () => {
  it.each([
    ['another active admin, before expiry: may approve', pending(), admin('bob'), null],
    [
      'the requester: refused',
      pending(),
      admin('ada'),
      'You asked for this return to normal: another admin must approve it.',
    ],
    [
      'a disabled admin: refused',
      pending(),
      admin('bob', { disabled: true }),
      'Only an active admin can approve the return to normal.',
    ],
    [
      'a reviewer: refused',
      pending(),
      admin('bob', { roles: ['reviewer'] }),
      'Only an active admin can approve the return to normal.',
    ],
    ['an owner and admin: may approve', pending(), admin('bob', { roles: ['owner', 'admin'] }), null],
    [
      'expired: refused',
      pending(EARLIER),
      admin('bob'),
      'This request is expired; only a pending request can be approved.',
    ],
    [
      'at the expiry instant: refused',
      pending(NOW),
      admin('bob'),
      'This request is expired; only a pending request can be approved.',
    ],
    [
      'already approved: refused',
      { ...pending(), status: 'approved' },
      admin('bob'),
      'This request is approved; only a pending request can be approved.',
    ],
    [
      'cancelled: refused',
      { ...pending(), status: 'cancelled' },
      admin('bob'),
      'This request is cancelled; only a pending request can be approved.',
    ],
    ['requested from the CLI (no requester): another admin may approve', pending(LATER, null), admin('bob'), null],
  ])('%s', (_name, request, approver, expected) => {
    expect(approvalRefusal(request, approver, NOW)).toBe(expected);
  });
});

describe('decisionRefusal: reject', () => {
  it.each([
    ['another active admin', pending(), admin('bob'), null],
    [
      'the requester cancels instead',
      pending(),
      admin('ada'),
      'You asked for this return to normal: cancel it instead.',
    ],
    ['expired', pending(EARLIER), admin('bob'), 'This request is expired; only a pending request can be rejected.'],
    [
      'a reviewer',
      pending(),
      admin('bob', { roles: ['reviewer'] }),
      'Only an active admin can reject the return to normal.',
    ],
  ])('%s', (_name, request, person, expected) => {
    expect(decisionRefusal(request, person, 'reject', NOW)).toBe(expected);
  });
});

describe('cancelRefusal', () => {
  it.each([
    ['the requester, pending', pending(), 'ada', null],
    [
      'another admin',
      pending(),
      'bob',
      'Only the admin who asked for this return to normal can cancel it; another admin rejects it.',
    ],
    [
      'the requester, expired',
      pending(EARLIER),
      'ada',
      'This request is expired; only a pending request can be cancelled.',
    ],
    [
      'the requester, rejected',
      { ...pending(), status: 'rejected' },
      'ada',
      'This request is rejected; only a pending request can be cancelled.',
    ],
  ])('%s', (_name, request, person, expected) => {
    expect(cancelRefusal(request, { id: person }, NOW)).toBe(expected);
  });
});

describe('singleAdminReleaseAllowed', () => {
  it.each([
    ['exactly one active admin, and it is them', ['ada'], 'ada', true],
    ['exactly one active admin, someone else', ['bob'], 'ada', false],
    ['two active admins', ['ada', 'bob'], 'ada', false],
    ['no active admin', [], 'ada', false],
  ])('%s', (_name, admins, person, expected) => {
    expect(singleAdminReleaseAllowed(admins, person)).toBe(expected);
  });
});

describe('isActiveAdmin', () => {
  it.each([
    [['admin'], false, true],
    [['admin'], true, false],
    [['owner', 'reviewer'], false, false],
    [[], false, false],
  ])('%j disabled=%s → %s', (roles, disabled, expected) => {
    expect(isActiveAdmin({ roles, disabled })).toBe(expected);
  });
});

describe('requestExpiresAt', () => {
  it('adds the TTL in minutes, fractions included', () => {
    expect(requestExpiresAt(NOW, 60).toISOString()).toBe('2026-12-06T13:00:00.000Z');
    expect(requestExpiresAt(NOW, 0.05).toISOString()).toBe('2026-12-06T12:00:03.000Z');
  });
});
