import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * approveAction on a real database: the quorum (N distinct reviewers, one from each required group), separation of
 * duties, one decision among concurrent reviewers, and the freeze while a block switch holds.
 */
describe.each(TEST_DATABASES)('approveAction on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-approve-action');
  let w: typeof import('../seed/test-world');
  let approveAction: typeof import('./approve-action').approveAction;
  let rejectAction: typeof import('./reject-action').rejectAction;
  let updateGrant: typeof import('../grants/update-grant').updateGrant;
  let engageSwitch: typeof import('../kill-switches/engage-switch').engageSwitch;
  let releaseSwitch: typeof import('../kill-switches/release-switch').releaseSwitch;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ approveAction } = await import('./approve-action'));
    ({ rejectAction } = await import('./reject-action'));
    ({ updateGrant } = await import('../grants/update-grant'));
    ({ engageSwitch } = await import('../kill-switches/engage-switch'));
    ({ releaseSwitch } = await import('../kill-switches/release-switch'));
  });
  const status = async (id: string) => (await w.actionRow(id)).status;
  const approvers = (actionId: string) =>
    database.client.actionApproval.findMany({ where: { actionId }, orderBy: { createdAt: 'asc' } });

  it('one approval of a one-approval grant approves, binding the approval to the parameters hash', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const ann = await w.person(['reviewer'], 'Ann Reviewer');
    const id = await w.propose(agent, tool, 'pending_review');

    expect(await approveAction(ann, { actionId: id, comment: 'fine' })).toEqual({
      status: 'approved',
      approvals: 1,
      required: 1,
      missingGroups: [],
    });
    const row = await w.actionRow(id);
    expect(row).toMatchObject({
      status: 'approved',
      reviewerId: ann.id,
      decisionReason: 'fine',
      approvedParamsHash: row.paramsHash,
    });
    expect(row.decidedAt).toBeInstanceOf(Date);
    expect((await w.auditTrail(id)).at(-1)).toMatchObject({
      type: 'action.approved',
      actorType: 'user',
      actorId: ann.id,
      payload: { comment: 'fine' },
    });
  });

  it('a two-approval grant needs two distinct reviewers: the first is recorded, the same one again is refused', async () => {
    const { agent, tool, grant } = await w.agentWithRefundTool({ rules: { approvals: 2 } });
    const [ann, bob] = [await w.person(['reviewer'], 'Ann'), await w.person(['reviewer'], 'Bob')];
    const id = await w.propose(agent, tool, 'pending_review');

    expect(await approveAction(ann, { actionId: id, comment: 'looks right' })).toEqual({
      status: 'pending_review',
      approvals: 1,
      required: 2,
      missingGroups: [],
    });
    expect(await status(id)).toBe('pending_review');
    expect((await w.actionRow(id)).approvedParamsHash).toBeNull();
    expect((await w.auditTrail(id)).at(-1)).toMatchObject({
      type: 'action.approval_recorded',
      actorId: ann.id,
      payload: { comment: 'looks right', approvals: 1, required: 2 },
    });

    await expect(approveAction(ann, { actionId: id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already approved'),
    });
    expect(await status(id)).toBe('pending_review');
    expect(await approvers(id)).toHaveLength(1);

    // The number was fixed when the action was proposed: lowering the grant now changes nothing for it.
    await updateGrant(w.SETUP, { grantId: grant.id, expectedVersion: 1, rules: { approvals: 1 } });
    expect(await status(id)).toBe('pending_review');

    expect(await approveAction(bob, { actionId: id })).toEqual({
      status: 'approved',
      approvals: 2,
      required: 2,
      missingGroups: [],
    });
    expect(await w.actionRow(id)).toMatchObject({ status: 'approved', reviewerId: bob.id });
    expect(await w.auditTypes(id)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.approval_recorded',
      'action.approved',
    ]);
  });

  it('required groups: one approval from each; a second from the same group is refused naming the missing one', async () => {
    const [fiona, frank, sara] = [
      await w.person(['reviewer'], 'Fiona'),
      await w.person(['reviewer'], 'Frank'),
      await w.person(['reviewer'], 'Sara'),
    ];
    const finance = await w.reviewerGroup('Finance', [fiona, frank]);
    const security = await w.reviewerGroup('Security', [sara]);
    const { agent, tool } = await w.agentWithRefundTool({ rules: { requiredGroups: [finance.id, security.id] } });
    const id = await w.propose(agent, tool, 'pending_review');
    expect(await w.actionRow(id)).toMatchObject({
      approvalsRequired: 2,
      requiredGroups: JSON.stringify([finance.id, security.id]),
    });

    expect(await approveAction(fiona, { actionId: id })).toEqual({
      status: 'pending_review',
      approvals: 1,
      required: 2,
      missingGroups: [security.name],
    });
    const second = approveAction(frank, { actionId: id });
    await expect(second).rejects.toMatchObject({ code: 'forbidden', details: { missingGroups: [security.name] } });
    await expect(second).rejects.toThrow(
      `This action still needs an approval from ${security.name}, and you are not a member.`,
    );
    expect(await status(id)).toBe('pending_review');

    expect(await approveAction(sara, { actionId: id })).toMatchObject({
      status: 'approved',
      approvals: 2,
      required: 2,
    });
    expect((await approvers(id)).map((a) => [a.reviewerId, a.groupId])).toEqual([
      [fiona.id, finance.id],
      [sara.id, security.id],
    ]);
    expect((await w.auditTrail(id))[2]).toMatchObject({
      type: 'action.approval_recorded',
      payload: { group: finance.name },
    });
  });

  it('a member of both groups who approves first is re-matched, so a one-group reviewer can complete the quorum', async () => {
    const [both, fiona] = [await w.person(['reviewer'], 'Bo Both'), await w.person(['reviewer'], 'Fiona')];
    const finance = await w.reviewerGroup('Finance', [both, fiona]);
    const security = await w.reviewerGroup('Security', [both]);
    const { agent, tool } = await w.agentWithRefundTool({ rules: { requiredGroups: [finance.id, security.id] } });
    const id = await w.propose(agent, tool, 'pending_review');

    expect(await approveAction(both, { actionId: id })).toMatchObject({
      status: 'pending_review',
      approvals: 1,
      missingGroups: [security.name],
    });
    expect((await approvers(id)).map((a) => a.groupId)).toEqual([finance.id]);
    expect(await approveAction(fiona, { actionId: id })).toMatchObject({ status: 'approved', approvals: 2 });
    expect(Object.fromEntries((await approvers(id)).map((a) => [a.reviewerId, a.groupId]))).toEqual({
      [both.id]: security.id,
      [fiona.id]: finance.id,
    });
  });

  it('an approver who left their group since does not strand the action: the uncovered group is named and still taken', async () => {
    const [fiona, sara, frank, olga] = [
      await w.person(['reviewer'], 'Fiona'),
      await w.person(['reviewer'], 'Sara'),
      await w.person(['reviewer'], 'Frank'),
      await w.person(['reviewer'], 'Olga'),
    ];
    const finance = await w.reviewerGroup('Finance', [fiona, frank]);
    const security = await w.reviewerGroup('Security', [sara]);
    const { agent, tool } = await w.agentWithRefundTool({ rules: { requiredGroups: [finance.id, security.id] } });
    const id = await w.propose(agent, tool, 'pending_review');
    await approveAction(fiona, { actionId: id });
    const { removeGroupMember } = await import('../review-groups/remove-group-member');
    await removeGroupMember(w.SETUP, { groupId: finance.id, userId: fiona.id });

    await expect(approveAction(olga, { actionId: id })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining(finance.name),
    });
    expect(await approveAction(sara, { actionId: id })).toMatchObject({
      status: 'pending_review',
      approvals: 2,
      missingGroups: [finance.name],
    });
    expect(await approveAction(frank, { actionId: id })).toMatchObject({ status: 'approved', approvals: 3 });
  });

  it("the agent's owner cannot approve its actions unless the grant lets owners; an admin owner overrides, on the record", async () => {
    const owner = await w.person(['owner', 'reviewer'], 'Owning Reviewer');
    const strict = await w.agentWithRefundTool({ owner });
    const id = await w.propose(strict.agent, strict.tool, 'pending_review');
    await expect(approveAction(owner, { actionId: id })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('agent you own'),
    });
    expect(await status(id)).toBe('pending_review');
    expect(await approvers(id)).toHaveLength(0);

    const lenient = await w.agentWithRefundTool({ owner, rules: { ownerMayApprove: true } });
    const allowed = await w.propose(lenient.agent, lenient.tool, 'pending_review');
    expect(await approveAction(owner, { actionId: allowed })).toMatchObject({ status: 'approved' });

    const admin = await w.person(['admin'], 'Admin Owner');
    const adminOwned = await w.agentWithRefundTool({ owner: admin });
    const overridden = await w.propose(adminOwned.agent, adminOwned.tool, 'pending_review');
    await approveAction(admin, { actionId: overridden, comment: 'incident fix' });
    expect((await w.auditTrail(overridden)).at(-1)).toMatchObject({
      type: 'action.approved',
      payload: { override: expect.stringContaining('admin override') },
    });
  });

  it('an admin who owns the agent and asked for the action may approve it; the override names both conflicts', async () => {
    const admin = await w.person(['admin'], 'Admin Owner');
    const { agent, tool } = await w.agentWithRefundTool({ owner: admin });
    const id = await w.propose(agent, tool, 'pending_review', w.REFUND, { requester: admin.email });

    expect(await approveAction(admin, { actionId: id, comment: 'incident fix' })).toMatchObject({ status: 'approved' });
    const { override } = (await w.auditTrail(id)).at(-1)!.payload as { override: string };
    expect(override).toContain('admin override');
    expect(override).toContain('requested on your own behalf');
    expect(override).toContain('agent you own');
  });

  it('a reviewer cannot approve an action requested on their own behalf; a colleague can', async () => {
    const [requester, colleague] = [
      await w.person(['reviewer'], 'Self Requester'),
      await w.person(['reviewer'], 'Colleague'),
    ];
    const { agent, tool } = await w.agentWithRefundTool();
    const id = await w.propose(agent, tool, 'pending_review', w.REFUND, { requester: requester.email.toUpperCase() });

    await expect(approveAction(requester, { actionId: id })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await status(id)).toBe('pending_review');
    await approveAction(colleague, { actionId: id });
    expect(await status(id)).toBe('approved');
  });

  it('a viewer and an agent cannot approve; nothing is recorded', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const viewer = await w.person(['viewer']);
    const id = await w.propose(agent, tool, 'pending_review');
    await expect(approveAction(viewer, { actionId: id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(approveAction(agent, { actionId: id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(approveAction(await w.person(['reviewer']), { actionId: 'no-such-action' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await status(id)).toBe('pending_review');
    expect(await w.auditTypes(id)).toEqual(['action.proposed', 'gate.decided']);
  });

  it('of two reviewers approving at once, exactly one decides; the other is told who did', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const [ann, bob] = [await w.person(['reviewer'], 'Ann'), await w.person(['reviewer'], 'Bob')];
    const id = await w.propose(agent, tool, 'pending_review');

    const outcomes = await Promise.allSettled([
      approveAction(ann, { actionId: id }),
      approveAction(bob, { actionId: id }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = outcomes[0].status === 'fulfilled' ? ann : bob;
    const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(lost.reason).toMatchObject({ code: 'conflict', details: { status: 'approved', decidedBy: winner.email } });
    expect(lost.reason.message).toContain(`already decided by ${winner.name} (${winner.email})`);
    expect((await w.auditTrail(id)).filter((e) => e.type === 'action.approved').map((e) => e.actorId)).toEqual([
      winner.id,
    ]);
    expect((await approvers(id)).map((a) => a.reviewerId)).toEqual([winner.id]);
  });

  it("of two last approvals of a two-approval quorum sent at once, one decides; the other's approval is rolled back", async () => {
    const { agent, tool } = await w.agentWithRefundTool({ rules: { approvals: 2 } });
    const [ann, bob, cid] = [
      await w.person(['reviewer'], 'Ann'),
      await w.person(['reviewer'], 'Bob'),
      await w.person(['reviewer'], 'Cid'),
    ];
    const id = await w.propose(agent, tool, 'pending_review');
    await approveAction(ann, { actionId: id });

    const outcomes = await Promise.allSettled([
      approveAction(bob, { actionId: id }),
      approveAction(cid, { actionId: id }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = outcomes[0].status === 'fulfilled' ? bob : cid;
    const won = outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<unknown>;
    expect(won.value).toEqual({ status: 'approved', approvals: 2, required: 2, missingGroups: [] });
    const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(lost.reason).toMatchObject({ code: 'conflict', details: { status: 'approved', decidedBy: winner.email } });
    expect((await approvers(id)).map((a) => a.reviewerId)).toEqual([ann.id, winner.id]);
    expect((await w.auditTrail(id)).filter((e) => e.type === 'action.approved').map((e) => e.actorId)).toEqual([
      winner.id,
    ]);
  });

  it('approving after a rejection is refused with who rejected it', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const [ann, bob] = [await w.person(['reviewer'], 'Ann'), await w.person(['admin'], 'Bob Admin')];
    const id = await w.propose(agent, tool, 'pending_review');
    await rejectAction(ann, { actionId: id, comment: 'too risky' });
    await expect(approveAction(bob, { actionId: id })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'rejected', decidedBy: ann.email },
    });
    expect(await status(id)).toBe('rejected');
  });

  it('under a block switch a waiting action cannot be approved, can be rejected, and can be approved once released', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const reviewer = await w.person(['reviewer']);
    const [waiting, rejected] = [
      await w.propose(agent, tool, 'pending_review'),
      await w.propose(agent, tool, 'pending_review'),
    ];

    const { id: switchId } = await engageSwitch(w.SETUP, {
      scope: 'agent',
      agent: agent.id,
      effect: 'block',
      reason: 'incident 7',
    });
    await expect(approveAction(reviewer, { actionId: waiting })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('incident 7'),
      details: { frozen: true },
    });
    expect(await status(waiting)).toBe('pending_review');
    expect(await approvers(waiting)).toHaveLength(0);
    expect(await rejectAction(reviewer, { actionId: rejected, comment: 'contained' })).toMatchObject({
      status: 'rejected',
    });

    await releaseSwitch(w.SETUP, { id: switchId, reason: 'contained' });
    expect(await status(waiting), 'releasing approves nothing by itself').toBe('pending_review');
    expect(await approveAction(reviewer, { actionId: waiting })).toMatchObject({ status: 'approved' });
  });
});
