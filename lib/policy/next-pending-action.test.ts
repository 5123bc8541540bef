import { describe, expect, it } from 'vitest';
import { pickNextPendingAction, type NextCandidate } from './next-pending-action';

const T = Date.UTC(2026, 0, 1);
const candidate = (id: string, minute: number, over: Partial<NextCandidate> = {}): NextCandidate => ({
  id,
  createdAt: new Date(T + minute * 60_000),
  requester: null,
  agentOwnerId: 'owner',
  ownerMayApprove: false,
  ...over,
});
const rita = { id: 'rita', email: 'rita@example.com', isAdmin: false };
const ada = { id: 'ada', email: 'ada@example.com', isAdmin: true };
// The decided action was proposed at minute 5 with id "e".
const AFTER = { id: 'e', createdAt: new Date(T + 5 * 60_000) };
// Newest first, as the query orders them.
const queue = [candidate('h', 8), candidate('g', 7), candidate('d', 4), candidate('c', 3)];

describe('pickNextPendingAction', () => {
  it.each<[string, NextCandidate[], typeof rita, string | null]>([
    ['the next one down the queue, not the newest', queue, rita, 'd'],
    ['past the bottom: back to the newest left', [candidate('h', 8), candidate('g', 7)], rita, 'h'],
    ['nothing else pending: none', [], rita, null],
    ['the decided action itself is never next (a quorum keeps it pending)', [candidate('e', 5)], rita, null],
    ['same proposal time: the lower id is further down', [candidate('f', 5), candidate('b', 5)], rita, 'b'],
    [
      "requested on the reviewer's own behalf: skipped",
      [candidate('d', 4, { requester: ' Rita@Example.com ' }), candidate('c', 3)],
      rita,
      'c',
    ],
    [
      'proposed by an agent the reviewer owns: skipped',
      [candidate('d', 4, { agentOwnerId: 'rita' }), candidate('c', 3)],
      rita,
      'c',
    ],
    [
      'owner allowed to approve by the grant: kept',
      [candidate('d', 4, { agentOwnerId: 'rita', ownerMayApprove: true })],
      rita,
      'd',
    ],
    [
      'an admin may override separation of duties: kept',
      [candidate('d', 4, { requester: 'ada@example.com' })],
      ada,
      'd',
    ],
    ['only conflicts left: none', [candidate('d', 4, { requester: 'rita@example.com' })], rita, null],
  ])('%s', (_name, candidates, reviewer, expected) => {
    expect(pickNextPendingAction(candidates, AFTER, reviewer)).toBe(expected);
  });
});
