import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * The grant's escalation ladder on a real database: a due step moves the pending action to the step's group and
 * level, recorded by the system; one step per call, one mover among racing workers, nothing past the deadline.
 */
describe.each(TEST_DATABASES)('escalateByLadder and escalateOverdueActions on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-escalate-ladder');
  let w: typeof import('../seed/test-world');
  let ladder: typeof import('./escalate-by-ladder');
  let updateGrant: typeof import('../grants/update-grant').updateGrant;
  let rejectAction: typeof import('./reject-action').rejectAction;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ladder = await import('./escalate-by-ladder');
    ({ updateGrant } = await import('../grants/update-grant'));
    ({ rejectAction } = await import('./reject-action'));
  });
  const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

  async function laddered() {
    const [first, second, third] = [
      await w.reviewerGroup('First'),
      await w.reviewerGroup('Second'),
      await w.reviewerGroup('Third'),
    ];
    const steps = [
      { afterMinutes: 10, groupId: second.id },
      { afterMinutes: 30, groupId: third.id },
    ];
    const { agent, tool, grant } = await w.agentWithRefundTool({
      rules: { reviewGroupId: first.id, escalationLadder: steps, reviewTimeoutMinutes: 120 },
    });
    const id = await w.propose(agent, tool, 'pending_review');
    const seen = async () => {
      const row = await w.actionRow(id);
      return {
        id,
        agentId: row.agentId,
        createdAt: row.createdAt,
        escalationLevel: row.escalationLevel,
        assignedGroupId: row.assignedGroupId,
      };
    };
    return { first, second, third, steps, agent, tool, grant, id, seen };
  }
  const escalations = async (id: string) => (await w.auditTrail(id)).filter((e) => e.type === 'action.escalated');

  it('before the first step is due nothing moves; once due, the action goes to its group at level 1, recorded by the system', async () => {
    const { first, second, steps, id, seen } = await laddered();
    const candidate = await seen();
    expect(candidate).toMatchObject({ escalationLevel: 0, assignedGroupId: first.id });

    expect(
      await database.client.$transaction((tx) =>
        ladder.escalateByLadder(tx, candidate, steps, minutesAfter(candidate.createdAt, 9)),
      ),
    ).toBe(false);
    expect(await seen()).toMatchObject({ escalationLevel: 0, assignedGroupId: first.id });
    expect(await escalations(id)).toEqual([]);

    expect(
      await database.client.$transaction((tx) =>
        ladder.escalateByLadder(tx, candidate, steps, minutesAfter(candidate.createdAt, 10)),
      ),
    ).toBe(true);
    expect(await w.actionRow(id)).toMatchObject({
      status: 'pending_review',
      escalationLevel: 1,
      assignedGroupId: second.id,
    });
    expect(await escalations(id)).toEqual([
      {
        type: 'action.escalated',
        actorType: 'system',
        actorId: 'escalation-ladder',
        payload: {
          fromGroupId: first.id,
          toGroupId: second.id,
          fromGroup: first.name,
          toGroup: second.name,
          note: null,
          level: 1,
          automatic: true,
        },
      },
    ]);
  });

  it('one step per call: the stale level moves nothing, the next step waits for its own time', async () => {
    const { second, third, steps, id, seen } = await laddered();
    const atLevel0 = await seen();
    const late = minutesAfter(atLevel0.createdAt, 45); // both steps are due by now
    expect(await database.client.$transaction((tx) => ladder.escalateByLadder(tx, atLevel0, steps, late))).toBe(true);
    expect(await seen()).toMatchObject({ escalationLevel: 1, assignedGroupId: second.id });
    expect(
      await database.client.$transaction((tx) => ladder.escalateByLadder(tx, atLevel0, steps, late)),
      'the level it saw is gone',
    ).toBe(false);

    const atLevel1 = await seen();
    expect(
      await database.client.$transaction((tx) =>
        ladder.escalateByLadder(tx, atLevel1, steps, minutesAfter(atLevel1.createdAt, 29)),
      ),
    ).toBe(false);
    expect(await database.client.$transaction((tx) => ladder.escalateByLadder(tx, atLevel1, steps, late))).toBe(true);
    expect(await seen()).toMatchObject({ escalationLevel: 2, assignedGroupId: third.id });
    const atLevel2 = await seen();
    expect(
      await database.client.$transaction((tx) =>
        ladder.escalateByLadder(tx, atLevel2, steps, minutesAfter(atLevel2.createdAt, 100)),
      ),
      'the ladder has no third step',
    ).toBe(false);
    expect((await escalations(id)).map((e) => e.payload.level)).toEqual([1, 2]);
  });

  it('of three workers racing on one due action, one moves it and one event is recorded', async () => {
    const { second, steps, id, seen } = await laddered();
    const candidate = await seen();
    const now = minutesAfter(candidate.createdAt, 11);
    const moved = await Promise.all(
      [1, 2, 3].map(() => database.client.$transaction((tx) => ladder.escalateByLadder(tx, candidate, steps, now))),
    );
    expect(moved.filter(Boolean)).toHaveLength(1);
    expect(await escalations(id)).toHaveLength(1);
    expect(await seen()).toMatchObject({ escalationLevel: 1, assignedGroupId: second.id });
  });

  it('past its review deadline, or decided, an action is not escalated', async () => {
    const { first, steps, id, seen } = await laddered();
    const candidate = await seen();
    const { expiresAt } = await w.actionRow(id);
    expect(
      await database.client.$transaction((tx) =>
        ladder.escalateByLadder(tx, candidate, steps, minutesAfter(expiresAt!, 1)),
      ),
    ).toBe(false);
    expect(await seen()).toMatchObject({ escalationLevel: 0, assignedGroupId: first.id });

    await rejectAction(await w.person(['reviewer']), { actionId: id });
    expect(
      await database.client.$transaction((tx) =>
        ladder.escalateByLadder(tx, candidate, steps, minutesAfter(candidate.createdAt, 11)),
      ),
    ).toBe(false);
    expect(await escalations(id)).toEqual([]);
  });

  it("the background step escalates every due pending action by its grant's ladder as the grant is now, and only those", async () => {
    const a = await laddered();
    const b = await laddered();
    const decided = await w.propose(a.agent, a.tool, 'pending_review');
    await rejectAction(await w.person(['reviewer']), { actionId: decided });
    // An owner's change applies to actions already waiting: b's first step now comes after an hour.
    await updateGrant(w.SETUP, {
      grantId: b.grant.id,
      expectedVersion: 1,
      rules: {
        approvals: 1,
        reviewGroupId: b.first.id,
        reviewTimeoutMinutes: 120,
        escalationLadder: [{ afterMinutes: 60, groupId: b.second.id }],
      },
    });

    const created = (await w.actionRow(a.id)).createdAt;
    expect(await ladder.escalateOverdueActions(minutesAfter(created, 15))).toBe(1);
    expect(await w.actionRow(a.id)).toMatchObject({ escalationLevel: 1, assignedGroupId: a.second.id });
    expect(await w.actionRow(b.id)).toMatchObject({ escalationLevel: 0, assignedGroupId: b.first.id });
    expect(await w.actionRow(decided)).toMatchObject({ status: 'rejected', escalationLevel: 0 });
    expect(await ladder.escalateOverdueActions(minutesAfter(created, 15)), 'a second pass finds nothing more due').toBe(
      0,
    );
  });
});
