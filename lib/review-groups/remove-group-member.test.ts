import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/** removeGroupMember on a real database: from then on the person's approvals no longer count for the group. */
describe.each(TEST_DATABASES)('removeGroupMember on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-remove-member');
  let w: typeof import('../seed/test-world');
  let removeGroupMember: typeof import('./remove-group-member').removeGroupMember;
  let approveAction: typeof import('../actions/approve-action').approveAction;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ removeGroupMember } = await import('./remove-group-member'));
    ({ approveAction } = await import('../actions/approve-action'));
  });

  it('a removed member is out of the group, audited, and can no longer approve for it', async () => {
    const [rita, ravi] = [await w.person(['reviewer'], 'Rita'), await w.person(['reviewer'], 'Ravi')];
    const finance = await w.reviewerGroup('Finance', [rita, ravi]);
    const { agent, tool } = await w.agentWithRefundTool({ rules: { requiredGroups: [finance.id] } });
    const id = await w.propose(agent, tool, 'pending_review');

    expect(await removeGroupMember(w.SETUP, { groupId: finance.id, userId: rita.id })).toEqual({
      groupId: finance.id,
      userId: rita.id,
    });
    expect(
      (await database.client.reviewerGroupMember.findMany({ where: { groupId: finance.id } })).map((m) => m.userId),
    ).toEqual([ravi.id]);
    const removed = await database.client.auditEvent.findFirstOrThrow({
      where: { type: 'review_group.member_removed' },
      orderBy: { seq: 'desc' },
    });
    expect(JSON.parse(removed.payload)).toEqual({ group: finance.name, email: rita.email });

    await expect(approveAction(rita, { actionId: id })).rejects.toMatchObject({
      code: 'forbidden',
      details: { missingGroups: [finance.name] },
    });
    expect(await approveAction(ravi, { actionId: id })).toMatchObject({ status: 'approved' });
  });

  it('an approval given before the removal stays recorded as given, and the action stays pending', async () => {
    const [fiona, sara] = [await w.person(['reviewer'], 'Fiona'), await w.person(['reviewer'], 'Sara')];
    const finance = await w.reviewerGroup('Finance', [fiona]);
    const security = await w.reviewerGroup('Security', [sara]);
    const { agent, tool } = await w.agentWithRefundTool({ rules: { requiredGroups: [finance.id, security.id] } });
    const id = await w.propose(agent, tool, 'pending_review');
    await approveAction(fiona, { actionId: id });
    const trail = await w.auditTrail(id);

    await removeGroupMember(w.SETUP, { groupId: finance.id, email: fiona.email });
    expect(
      (await database.client.actionApproval.findMany({ where: { actionId: id } })).map((a) => [
        a.reviewerId,
        a.groupId,
      ]),
    ).toEqual([[fiona.id, finance.id]]);
    expect((await w.actionRow(id)).status).toBe('pending_review');
    expect(await w.auditTrail(id)).toEqual(trail);
  });

  it('removing someone who is not a member is a conflict; reviewers and owners cannot remove', async () => {
    const rita = await w.person(['reviewer'], 'Rita');
    const [group, other] = [await w.reviewerGroup('Ops', [rita]), await w.reviewerGroup('Legal')];
    await expect(removeGroupMember(w.SETUP, { groupId: other.id, userId: rita.id })).rejects.toMatchObject({
      code: 'conflict',
      message: `${rita.email} is not a member of ${other.name}.`,
    });
    await expect(removeGroupMember(w.SETUP, { groupId: 'no-such-group', userId: rita.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    for (const actor of [rita, await w.person(['owner'])]) {
      await expect(removeGroupMember(actor, { groupId: group.id, userId: rita.id })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect(await database.client.reviewerGroupMember.count({ where: { groupId: group.id } })).toBe(1);
  });
});
