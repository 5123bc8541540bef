import { describe, expect, it } from 'vitest';
import {
  separationOfDutiesConflicts,
  waitingForReviewer,
  type PendingActionFacts,
  type ReviewerFacts,
  type Waiting,
} from './waiting-for-reviewer';

const ann: ReviewerFacts = { id: 'ann', email: 'ann@corp.test', canDecide: true, isAdmin: false, groupIds: [] };
const admin: ReviewerFacts = { id: 'root', email: 'root@corp.test', canDecide: true, isAdmin: true, groupIds: [] };
const action = (over: Partial<PendingActionFacts> = {}): PendingActionFacts => ({
  required: 1,
  requiredGroups: [],
  approvals: [],
  requester: null,
  agentOwnerId: 'owner',
  ownerMayApprove: false,
  assignedGroupId: null,
  ...over,
});
const WAITING: Waiting = { waiting: true, override: false };
const not = (reason: Extract<Waiting, { waiting: false }>['reason']): Waiting => ({ waiting: false, reason });

describe('waitingForReviewer', () => {
  it.each<[string, ReviewerFacts, PendingActionFacts, Waiting]>([
    ['a plain pending action waits for any reviewer', ann, action(), WAITING],
    ['a viewer has nothing waiting', { ...ann, canDecide: false }, action(), not('cannot_decide')],
    [
      'not after I approved it (second approval needed from someone else)',
      ann,
      action({ required: 2, approvals: [{ reviewerId: 'ann', groupId: null }] }),
      not('already_approved'),
    ],
    [
      'still waits for a second reviewer',
      ann,
      action({ required: 2, approvals: [{ reviewerId: 'bob', groupId: null }] }),
      WAITING,
    ],
    [
      'requested on my behalf (case and spaces ignored)',
      ann,
      action({ requester: '  ANN@corp.test ' }),
      not('separation_of_duties'),
    ],
    ["my own agent's action", ann, action({ agentOwnerId: 'ann' }), not('separation_of_duties')],
    [
      "my own agent's action when the grant lets owners approve",
      ann,
      action({ agentOwnerId: 'ann', ownerMayApprove: true }),
      WAITING,
    ],
    [
      'an admin counts it, as an override',
      admin,
      action({ requester: 'root@corp.test' }),
      { waiting: true, override: true },
    ],
    [
      'an admin owner counts it, as an override',
      admin,
      action({ agentOwnerId: 'root' }),
      { waiting: true, override: true },
    ],
    [
      'a required group I am not in, with no spare slot',
      ann,
      action({ required: 1, requiredGroups: ['finance'] }),
      not('needs_group'),
    ],
    ['a required group I am in', { ...ann, groupIds: ['finance'] }, action({ requiredGroups: ['finance'] }), WAITING],
    [
      'an admin outside a required group cannot override the quorum',
      admin,
      action({ requiredGroups: ['finance'] }),
      not('needs_group'),
    ],
    ['a spare slot lets an outsider approve first', ann, action({ required: 2, requiredGroups: ['finance'] }), WAITING],
    ['assigned to a group I am not in', ann, action({ assignedGroupId: 'legal' }), not('assigned_elsewhere')],
    ['assigned to my group', { ...ann, groupIds: ['legal'] }, action({ assignedGroupId: 'legal' }), WAITING],
    [
      'assigned to finance, but I am the security approval still missing',
      { ...ann, groupIds: ['security'] },
      action({
        required: 2,
        requiredGroups: ['finance', 'security'],
        assignedGroupId: 'finance',
        approvals: [{ reviewerId: 'rita', groupId: 'finance' }],
      }),
      WAITING,
    ],
    ['assigned elsewhere, but I am an admin', admin, action({ assignedGroupId: 'legal' }), WAITING],
    [
      'already approved wins over every other reason',
      { ...ann, canDecide: true },
      action({ required: 2, assignedGroupId: 'legal', approvals: [{ reviewerId: 'ann', groupId: null }] }),
      not('already_approved'),
    ],
  ])('%s', (_name, reviewer, facts, expected) => {
    expect(waitingForReviewer(reviewer, facts)).toEqual(expected);
  });
});

describe('separationOfDutiesConflicts', () => {
  it('names both conflicts', () => {
    expect(
      separationOfDutiesConflicts(ann, { requester: 'ann@corp.test', agentOwnerId: 'ann', ownerMayApprove: false }),
    ).toEqual(['requested on your own behalf', 'proposed by an agent you own']);
  });
  it('has none for a stranger', () => {
    expect(
      separationOfDutiesConflicts(ann, { requester: 'bob@corp.test', agentOwnerId: 'owner', ownerMayApprove: false }),
    ).toEqual([]);
  });
});
