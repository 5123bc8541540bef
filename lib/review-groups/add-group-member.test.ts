import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * addGroupMember on a real database: membership is what lets an approval count for a group, so only active people
 * whose role can decide actions may join, once.
 */
describe.each(TEST_DATABASES)('addGroupMember on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-add-member');
  let w: typeof import('../seed/test-world');
  let addGroupMember: typeof import('./add-group-member').addGroupMember;
  let approveAction: typeof import('../actions/approve-action').approveAction;
  let setUserDisabled: typeof import('../users/set-user-disabled').setUserDisabled;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ addGroupMember } = await import('./add-group-member'));
    ({ approveAction } = await import('../actions/approve-action'));
    ({ setUserDisabled } = await import('../users/set-user-disabled'));
  });
  const members = async (groupId: string) =>
    (await database.client.reviewerGroupMember.findMany({ where: { groupId } })).map((m) => m.userId);

  it('a reviewer joins by e-mail in any case, audited; from then on their approval counts for the group', async () => {
    const rita = await w.person(['reviewer'], 'Rita');
    const finance = await w.reviewerGroup('Finance');
    const { agent, tool } = await w.agentWithRefundTool({ rules: { requiredGroups: [finance.id] } });
    const id = await w.propose(agent, tool, 'pending_review');
    await expect(approveAction(rita, { actionId: id })).rejects.toMatchObject({
      code: 'forbidden',
      details: { missingGroups: [finance.name] },
    });

    expect(await addGroupMember(w.SETUP, { groupId: finance.id, email: rita.email.toUpperCase() })).toEqual({
      groupId: finance.id,
      userId: rita.id,
      email: rita.email,
      name: 'Rita',
    });
    expect(await members(finance.id)).toEqual([rita.id]);
    const added = await database.client.auditEvent.findFirstOrThrow({
      where: { type: 'review_group.member_added' },
      orderBy: { seq: 'desc' },
    });
    expect(JSON.parse(added.payload)).toEqual({ group: finance.name, email: rita.email });
    expect(await approveAction(rita, { actionId: id })).toMatchObject({ status: 'approved' });
  });

  it('only people whose role can decide may join (an admin can, by id); the refusal names the field and says why', async () => {
    const group = await w.reviewerGroup('Security');
    for (const role of ['viewer', 'owner'] as const) {
      const person = await w.person([role], `Pat ${role}`);
      const refusal = addGroupMember(w.SETUP, { groupId: group.id, email: person.email });
      await expect(refusal).rejects.toMatchObject({ code: 'invalid_input', details: { issues: [{ path: 'email' }] } });
      await expect(refusal).rejects.toThrow(
        `Pat ${role} (${person.email}) cannot join a reviewer group: their role (${role}) cannot approve or reject actions`,
      );
    }
    const admin = await w.person(['admin']);
    await addGroupMember(w.SETUP, { groupId: group.id, userId: admin.id });
    expect(await members(group.id)).toEqual([admin.id]);
  });

  it('a disabled reviewer, a malformed e-mail, an unknown person, an unknown group and a second membership are refused', async () => {
    const [rita, dora] = [await w.person(['reviewer'], 'Rita'), await w.person(['reviewer'], 'Dora')];
    const group = await w.reviewerGroup('Payments', [rita]);
    await setUserDisabled(w.SETUP, { id: dora.id }, true);

    await expect(addGroupMember(w.SETUP, { groupId: group.id, userId: dora.id })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'userId', message: 'this user is disabled' }] },
    });
    await expect(addGroupMember(w.SETUP, { groupId: group.id, email: 'not-an-address' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'email' }] },
    });
    await expect(addGroupMember(w.SETUP, { groupId: group.id, email: 'nobody@warden.test' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'email', message: 'no such user' }] },
    });
    await expect(addGroupMember(w.SETUP, { groupId: 'no-such-group', userId: rita.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(addGroupMember(w.SETUP, { groupId: group.id, email: rita.email })).rejects.toMatchObject({
      code: 'conflict',
      message: `${rita.email} is already a member of ${group.name}.`,
    });
    await expect(
      addGroupMember(w.SETUP, { groupId: group.id, userId: rita.id, email: rita.email }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: { issues: [{ path: 'userId' }] } });
    expect(await members(group.id)).toEqual([rita.id]);
  });

  it('reviewers and owners cannot add members', async () => {
    const rita = await w.person(['reviewer']);
    const group = await w.reviewerGroup('Ops');
    for (const actor of [rita, await w.person(['owner'])]) {
      await expect(addGroupMember(actor, { groupId: group.id, userId: rita.id })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect(await members(group.id)).toEqual([]);
  });
});
