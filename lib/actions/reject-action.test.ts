import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/** rejectAction on a real database: one rejection decides at once, whatever approvals came before, and is final. */
describe.each(TEST_DATABASES)('rejectAction on %s', (kind) => {
  useTestDatabase(kind, 'warden-reject-action');
  let w: typeof import('../seed/test-world');
  let rejectAction: typeof import('./reject-action').rejectAction;
  let approveAction: typeof import('./approve-action').approveAction;
  let claimAction: typeof import('./claim-action').claimAction;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ rejectAction } = await import('./reject-action'));
    ({ approveAction } = await import('./approve-action'));
    ({ claimAction } = await import('./claim-action'));
  });

  it('one rejection rejects, with its comment as the reason, and the agent cannot claim it', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const ann = await w.person(['reviewer'], 'Ann');
    const id = await w.propose(agent, tool, 'pending_review');

    expect(await rejectAction(ann, { actionId: id, comment: '  outside the refund window  ' })).toEqual({
      status: 'rejected',
      approvals: 0,
      required: 1,
      missingGroups: [],
    });
    expect(await w.actionRow(id)).toMatchObject({
      status: 'rejected',
      reviewerId: ann.id,
      decisionReason: 'outside the refund window',
      approvedParamsHash: null,
    });
    expect((await w.auditTrail(id)).at(-1)).toEqual({
      type: 'action.rejected',
      actorType: 'user',
      actorId: ann.id,
      payload: { comment: 'outside the refund window' },
    });
    await expect(claimAction(agent, id)).rejects.toMatchObject({ code: 'conflict', details: { status: 'rejected' } });
  });

  it('a rejection after one of two approvals rejects; nobody can approve afterwards', async () => {
    const { agent, tool } = await w.agentWithRefundTool({ rules: { approvals: 2 } });
    const [ann, bob, cid] = [
      await w.person(['reviewer'], 'Ann'),
      await w.person(['reviewer'], 'Bob'),
      await w.person(['reviewer'], 'Cid'),
    ];
    const id = await w.propose(agent, tool, 'pending_review');

    expect(await approveAction(ann, { actionId: id })).toMatchObject({ status: 'pending_review', approvals: 1 });
    expect(await rejectAction(bob, { actionId: id, comment: 'not this order' })).toMatchObject({ status: 'rejected' });
    await expect(approveAction(cid, { actionId: id })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'rejected', decidedBy: bob.email },
    });
    expect(await w.auditTypes(id)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.approval_recorded',
      'action.rejected',
    ]);
  });

  it("rejecting is open to those who may not approve: the agent's owner and the requester (a refusal only makes things safer)", async () => {
    const owner = await w.person(['owner', 'reviewer'], 'Owning Reviewer');
    const requester = await w.person(['reviewer'], 'Requester');
    const { agent, tool } = await w.agentWithRefundTool({ owner });
    const [mine, asked] = [
      await w.propose(agent, tool, 'pending_review'),
      await w.propose(agent, tool, 'pending_review', w.REFUND, { requester: requester.email }),
    ];

    await expect(approveAction(owner, { actionId: mine })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await rejectAction(owner, { actionId: mine })).toMatchObject({ status: 'rejected' });
    await expect(approveAction(requester, { actionId: asked })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await rejectAction(requester, { actionId: asked })).toMatchObject({ status: 'rejected' });
  });

  it('a decided action cannot be rejected: an approved one stays approved, the second rejection is told who decided', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const [ann, bob] = [await w.person(['reviewer'], 'Ann'), await w.person(['reviewer'], 'Bob')];
    const [approved, rejected] = [
      await w.propose(agent, tool, 'pending_review'),
      await w.propose(agent, tool, 'pending_review'),
    ];
    await approveAction(ann, { actionId: approved });
    await rejectAction(ann, { actionId: rejected });

    await expect(rejectAction(bob, { actionId: approved })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'approved', decidedBy: ann.email },
    });
    await expect(rejectAction(bob, { actionId: rejected })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`already decided by ${ann.name}`),
    });
    expect((await w.actionRow(approved)).status).toBe('approved');
    expect((await w.auditTrail(rejected)).filter((e) => e.type === 'action.rejected').map((e) => e.actorId)).toEqual([
      ann.id,
    ]);
  });

  it('a viewer and an agent cannot reject; a comment over 2000 characters is refused; nothing changes', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const [viewer, reviewer] = [await w.person(['viewer']), await w.person(['reviewer'])];
    const id = await w.propose(agent, tool, 'pending_review');

    await expect(rejectAction(viewer, { actionId: id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rejectAction(agent, { actionId: id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rejectAction(reviewer, { actionId: id, comment: 'x'.repeat(2001) })).rejects.toMatchObject({
      issues: [{ path: ['comment'] }],
    });
    expect((await w.actionRow(id)).status).toBe('pending_review');
    expect(await w.auditTypes(id)).toEqual(['action.proposed', 'gate.decided']);
    expect(await rejectAction(reviewer, { actionId: id, comment: 'x'.repeat(2000) })).toMatchObject({
      status: 'rejected',
    });
  });
});
