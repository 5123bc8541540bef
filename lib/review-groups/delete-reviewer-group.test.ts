import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * deleteReviewerGroup on a real database: refused while a grant or a waiting action relies on the group, naming each;
 * otherwise deleted with its memberships, the members' list on the record.
 */
describe.each(TEST_DATABASES)('deleteReviewerGroup on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-delete-group');
  let w: typeof import('../seed/test-world');
  let deleteReviewerGroup: typeof import('./delete-reviewer-group').deleteReviewerGroup;
  let rejectAction: typeof import('../actions/reject-action').rejectAction;
  let revokeGrant: typeof import('../grants/revoke-grant').revokeGrant;
  let updateGrant: typeof import('../grants/update-grant').updateGrant;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ deleteReviewerGroup } = await import('./delete-reviewer-group'));
    ({ rejectAction } = await import('../actions/reject-action'));
    ({ revokeGrant } = await import('../grants/revoke-grant'));
    ({ updateGrant } = await import('../grants/update-grant'));
  });
  const exists = async (id: string) => (await database.client.reviewerGroup.count({ where: { id } })) === 1;

  it('refused while grants (required, first review, escalation) and a waiting action rely on it; deleted once they do not', async () => {
    const rita = await w.person(['reviewer'], 'Rita');
    const payments = await w.reviewerGroup('Payments', [rita]);
    const other = await w.reviewerGroup('Other');
    const required = await w.agentWithRefundTool({ rules: { requiredGroups: [other.id, payments.id] } });
    const first = await w.agentWithRefundTool({ rules: { reviewGroupId: payments.id } });
    const laddered = await w.agentWithRefundTool({
      rules: { reviewGroupId: other.id, escalationLadder: [{ afterMinutes: 5, groupId: payments.id }] },
    });
    const waiting = await w.propose(required.agent, required.tool, 'pending_review');

    const refusal = deleteReviewerGroup(w.SETUP, { groupId: payments.id });
    await expect(refusal).rejects.toMatchObject({ code: 'conflict' });
    const message = String(await refusal.catch((error: Error) => error.message));
    for (const uses of [required, first, laddered])
      expect(message).toContain(`grant ${uses.agent.name} → ${uses.tool.name}`);
    expect(message).toContain('1 action waiting for review');
    expect(await exists(payments.id)).toBe(true);

    await rejectAction(rita, { actionId: waiting, comment: 'not needed' });
    await revokeGrant(w.SETUP, required.grant.id);
    await revokeGrant(w.SETUP, first.grant.id);
    const stillLaddered = deleteReviewerGroup(w.SETUP, { groupId: payments.id });
    await expect(stillLaddered).rejects.toThrow(
      `${payments.name} is still used by grant ${laddered.agent.name} → ${laddered.tool.name}. Change those first.`,
    );
    await updateGrant(w.SETUP, {
      grantId: laddered.grant.id,
      expectedVersion: 1,
      rules: { approvals: 1, reviewGroupId: other.id },
    });

    expect(await deleteReviewerGroup(w.SETUP, { groupId: payments.id })).toEqual({
      id: payments.id,
      name: payments.name,
    });
    expect(await exists(payments.id)).toBe(false);
    expect(await database.client.reviewerGroupMember.count({ where: { groupId: payments.id } })).toBe(0);
    const deleted = await database.client.auditEvent.findFirstOrThrow({ where: { type: 'review_group.deleted' } });
    expect(JSON.parse(deleted.payload)).toEqual({ name: payments.name, members: [rita.email] });
    expect((await w.actionRow(waiting)).requiredGroups, 'decided actions keep the id').toContain(payments.id);
    await expect(deleteReviewerGroup(w.SETUP, { groupId: payments.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refused while a notification channel is scoped to it, naming the channel; deleted once it is not', async () => {
    const { createChannel } = await import('../notifications/create-channel');
    const [pager, other] = [await w.reviewerGroup('Pager'), await w.reviewerGroup('Other')];
    const { channel } = await createChannel(w.SETUP, {
      name: w.uniqueName('payments-pager'),
      kind: 'webhook',
      url: 'https://hooks.example.com/payments',
      groupId: pager.id,
    });

    await expect(deleteReviewerGroup(w.SETUP, { groupId: pager.id })).rejects.toThrow(
      `${pager.name} is still used by notification channel ${channel.name}. Change those first.`,
    );
    expect(await exists(pager.id)).toBe(true);
    await database.client.notificationChannel.update({ where: { id: channel.id }, data: { groupId: other.id } });
    expect(await deleteReviewerGroup(w.SETUP, { groupId: pager.id })).toEqual({ id: pager.id, name: pager.name });
  });

  it('reviewers cannot delete; an empty id is refused naming the field', async () => {
    const group = await w.reviewerGroup('Unused');
    await expect(deleteReviewerGroup(await w.person(['reviewer']), { groupId: group.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(deleteReviewerGroup(w.SETUP, { groupId: '' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'groupId' }] },
    });
    expect(await exists(group.id)).toBe(true);
  });
});
