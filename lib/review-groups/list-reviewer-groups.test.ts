import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/** listReviewerGroups on a real database: every group by name, members by name, and the pending actions with each now. */
describe.each(TEST_DATABASES)('listReviewerGroups on %s', (kind) => {
  useTestDatabase(kind, 'warden-list-groups');
  let w: typeof import('../seed/test-world');
  let listReviewerGroups: typeof import('./list-reviewer-groups').listReviewerGroups;
  let escalateAction: typeof import('../actions/escalate-action').escalateAction;
  let rejectAction: typeof import('../actions/reject-action').rejectAction;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ listReviewerGroups } = await import('./list-reviewer-groups'));
    ({ escalateAction } = await import('../actions/escalate-action'));
    ({ rejectAction } = await import('../actions/reject-action'));
  });

  it('lists groups and members by name, counting the pending actions with each group as they move and get decided', async () => {
    const [zoe, amy] = [await w.person(['reviewer'], 'Zoe'), await w.person(['reviewer'], 'Amy')];
    const security = await w.reviewerGroup('Security', [zoe, amy]);
    const finance = await w.reviewerGroup('Finance');
    const { agent, tool } = await w.agentWithRefundTool({ rules: { reviewGroupId: finance.id } });
    const [a, b] = [await w.propose(agent, tool, 'pending_review'), await w.propose(agent, tool, 'pending_review')];
    const viewer = await w.person(['viewer']);
    const counts = async () =>
      Object.fromEntries((await listReviewerGroups(viewer)).map((g) => [g.name, g.pendingCount]));

    const listed = await listReviewerGroups(viewer);
    expect(listed.map((g) => g.name)).toEqual([finance.name, security.name]);
    expect(listed[1]).toMatchObject({
      memberCount: 2,
      members: [
        { id: amy.id, name: 'Amy' },
        { id: zoe.id, name: 'Zoe' },
      ],
    });
    expect(await counts()).toEqual({ [finance.name]: 2, [security.name]: 0 });

    await escalateAction(zoe, { actionId: a, groupId: security.id, note: 'please confirm' });
    expect(await counts()).toEqual({ [finance.name]: 1, [security.name]: 1 });
    await rejectAction(zoe, { actionId: a });
    await rejectAction(zoe, { actionId: b });
    expect(await counts()).toEqual({ [finance.name]: 0, [security.name]: 0 });
  });

  it('an agent cannot list the groups', async () => {
    const { agent } = await w.agentWithRefundTool();
    await expect(listReviewerGroups(agent)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
