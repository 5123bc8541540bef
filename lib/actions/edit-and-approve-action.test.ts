import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * editAndApproveAction on a real database: an edit is a new parameters version whose hash the approval binds to,
 * voids the approvals given to the earlier version, is checked against the tool's schema and the grant's blocking
 * constraints, and loses to a concurrent edit of the same version.
 */
describe.each(TEST_DATABASES)('editAndApproveAction on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-edit-and-approve');
  let w: typeof import('../seed/test-world');
  let editAndApproveAction: typeof import('./edit-and-approve-action').editAndApproveAction;
  let approveAction: typeof import('./approve-action').approveAction;
  let rejectAction: typeof import('./reject-action').rejectAction;
  let claimAction: typeof import('./claim-action').claimAction;
  let paramsHash: typeof import('./params-hash').paramsHash;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ editAndApproveAction } = await import('./edit-and-approve-action'));
    ({ approveAction } = await import('./approve-action'));
    ({ rejectAction } = await import('./reject-action'));
    ({ claimAction } = await import('./claim-action'));
    ({ paramsHash } = await import('./params-hash'));
  });
  const approvers = async (actionId: string) =>
    (await database.client.actionApproval.findMany({ where: { actionId } })).map((a) => a.reviewerId);

  it('the edit is version 2, the hash follows it, the submitted params stay, and the agent claims exactly the edited ones', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const ann = await w.person(['reviewer'], 'Ann');
    const id = await w.propose(agent, tool, 'pending_review');
    const original = await w.actionRow(id);
    const edited = { ...w.REFUND, amount: 40 };

    const outcome = await editAndApproveAction(ann, {
      actionId: id,
      version: 1,
      comment: 'half is enough',
      params: edited,
    });
    expect(outcome).toMatchObject({
      status: 'approved',
      edited: true,
      paramsVersion: 2,
      paramsHash: paramsHash(agent.id, tool.name, edited),
    });
    expect(outcome.paramsHash).not.toBe(original.paramsHash);
    const row = await w.actionRow(id);
    expect(row).toMatchObject({
      status: 'approved',
      paramsVersion: 2,
      paramsHash: outcome.paramsHash,
      approvedParamsHash: outcome.paramsHash,
      params: original.params,
    });
    expect(JSON.parse(row.editedParams!)).toEqual(edited);

    await expect(claimAction(agent, id, { paramsHash: original.paramsHash })).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'params_mismatch' },
    });
    expect((await w.actionRow(id)).status).toBe('approved');
    expect(await claimAction(agent, id, { paramsHash: outcome.paramsHash })).toMatchObject({
      status: 'executing',
      params: { amount: 40 },
      paramsVersion: 2,
    });
    expect(await w.auditTypes(id)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.params_edited',
      'action.approved',
      'action.claimed',
    ]);
  });

  it('the audit records the diff with sensitive fields masked, never in clear', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const ann = await w.person(['reviewer'], 'Ann');
    const id = await w.propose(agent, tool, 'pending_review');
    await editAndApproveAction(ann, {
      actionId: id,
      version: 1,
      params: { ...w.REFUND, recipient: 'FR76 3000 6000' },
      comment: 'wrong account',
    });

    const edit = (await w.auditTrail(id)).find((event) => event.type === 'action.params_edited');
    expect(edit).toMatchObject({
      actorId: ann.id,
      payload: {
        version: 2,
        comment: 'wrong account',
        changes: [{ path: 'recipient', before: '••••••', after: '••••••' }],
      },
    });
    for (const event of await database.client.auditEvent.findMany({ where: { actionId: id } }))
      expect(event.payload).not.toMatch(/DE89|FR76/);
  });

  it('the same params in another key order are a plain approval: no new version, the original hash', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const ann = await w.person(['reviewer'], 'Ann');
    const id = await w.propose(agent, tool, 'pending_review');
    const { paramsHash: originalHash } = await w.actionRow(id);
    const reordered = { recipient: w.REFUND.recipient, currency: 'EUR', amount: 80, orderId: 'ORD-7' };

    expect(await editAndApproveAction(ann, { actionId: id, version: 1, params: reordered })).toMatchObject({
      status: 'approved',
      edited: false,
      paramsVersion: 1,
      paramsHash: originalHash,
    });
    expect(await w.actionRow(id)).toMatchObject({ editedParams: null, approvedParamsHash: originalHash });
    expect(await w.auditTypes(id)).toEqual(['action.proposed', 'gate.decided', 'action.approved']);
  });

  it("params that break the tool's schema are refused naming each field; nothing changes", async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const ann = await w.person(['reviewer'], 'Ann');
    const id = await w.propose(agent, tool, 'pending_review');
    const before = await w.actionRow(id);

    const refused = editAndApproveAction(ann, {
      actionId: id,
      version: 1,
      params: { orderId: '', amount: -5, note: 'x' },
    });
    await expect(refused).rejects.toMatchObject({ code: 'invalid_input' });
    const issues = (
      (await refused.catch((error: { details: { issues: { path: string }[] } }) => error)) as {
        details: { issues: { path: string }[] };
      }
    ).details.issues;
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['params.orderId', 'params.amount', 'params.note']),
    );
    expect(await w.actionRow(id)).toEqual(before);
    expect(await approvers(id)).toEqual([]);
    expect(await w.auditTypes(id)).toEqual(['action.proposed', 'gate.decided']);
  });

  it('a blocking constraint refuses the edit naming the field; a constraint that only asks for review does not', async () => {
    const { agent, tool } = await w.agentWithRefundTool({
      rules: {
        constraints: [
          { param: 'amount', kind: 'range', max: 100, effect: 'block' },
          { param: 'currency', kind: 'allowed_values', values: ['EUR'], effect: 'review' },
        ],
      },
    });
    const ann = await w.person(['reviewer'], 'Ann');
    const id = await w.propose(agent, tool, 'pending_review');
    const before = await w.actionRow(id);

    await expect(
      editAndApproveAction(ann, {
        actionId: id,
        version: 1,
        params: { orderId: 'ORD-7', amount: 150, currency: 'EUR' },
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'params.amount', message: expect.stringContaining('150 > 100') }] },
    });
    expect(await w.actionRow(id)).toEqual(before);
    expect(
      await editAndApproveAction(ann, {
        actionId: id,
        version: 1,
        params: { orderId: 'ORD-7', amount: 90, currency: 'USD' },
      }),
    ).toMatchObject({ status: 'approved', edited: true });
  });

  it('an edit voids the approvals given to the earlier version; the quorum counts again, and the earlier approver may approve anew', async () => {
    const { agent, tool } = await w.agentWithRefundTool({ rules: { approvals: 2 } });
    const [ann, bob] = [await w.person(['reviewer'], 'Ann'), await w.person(['reviewer'], 'Bob')];
    const id = await w.propose(agent, tool, 'pending_review');
    expect(await approveAction(ann, { actionId: id })).toMatchObject({ status: 'pending_review', approvals: 1 });

    const outcome = await editAndApproveAction(bob, { actionId: id, version: 1, params: { ...w.REFUND, amount: 50 } });
    expect(outcome).toMatchObject({
      status: 'pending_review',
      approvals: 1,
      required: 2,
      edited: true,
      paramsVersion: 2,
    });
    expect(await approvers(id)).toEqual([bob.id]);
    const trail = await w.auditTrail(id);
    expect(trail.map((e) => e.type)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.approval_recorded',
      'action.approvals_reset',
      'action.params_edited',
      'action.approval_recorded',
    ]);
    expect(trail[3]).toMatchObject({
      actorId: bob.id,
      payload: { count: 1, reason: 'parameters edited to version 2' },
    });
    await expect(claimAction(agent, id)).rejects.toMatchObject({ details: { status: 'pending_review' } });

    expect(await approveAction(ann, { actionId: id })).toMatchObject({ status: 'approved', approvals: 2 });
    expect(await claimAction(agent, id, { paramsHash: outcome.paramsHash })).toMatchObject({
      status: 'executing',
      params: { ...w.REFUND, amount: 50 },
    });
  });

  it('an edit of a version someone else replaced is a conflict naming the current version; nothing changes', async () => {
    const { agent, tool } = await w.agentWithRefundTool({ rules: { approvals: 2 } });
    const [ann, bob] = [await w.person(['reviewer'], 'Ann'), await w.person(['reviewer'], 'Bob')];
    const id = await w.propose(agent, tool, 'pending_review');
    await editAndApproveAction(ann, { actionId: id, version: 1, params: { orderId: 'ORD-7', amount: 60 } });
    const before = await w.actionRow(id);

    await expect(
      editAndApproveAction(bob, { actionId: id, version: 1, params: { orderId: 'ORD-7', amount: 70 } }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('version 2 is current'),
      details: { currentVersion: 2 },
    });
    expect(await w.actionRow(id)).toEqual(before);
  });

  it('of two edits of one version sent at once, exactly one lands; the other is told the current version', async () => {
    const { agent, tool } = await w.agentWithRefundTool({ rules: { approvals: 2 } });
    const [ann, bob] = [await w.person(['reviewer'], 'Ann'), await w.person(['reviewer'], 'Bob')];
    const id = await w.propose(agent, tool, 'pending_review');

    const outcomes = await Promise.allSettled([
      editAndApproveAction(ann, { actionId: id, version: 1, params: { orderId: 'ORD-7', amount: 60 } }),
      editAndApproveAction(bob, { actionId: id, version: 1, params: { orderId: 'ORD-7', amount: 70 } }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const won = outcomes.findIndex((o) => o.status === 'fulfilled');
    expect((outcomes[1 - won] as PromiseRejectedResult).reason).toMatchObject({
      code: 'conflict',
      details: { currentVersion: 2 },
    });
    const row = await w.actionRow(id);
    expect(row).toMatchObject({ paramsVersion: 2, status: 'pending_review' });
    expect(JSON.parse(row.editedParams!).amount).toBe(won === 0 ? 60 : 70);
    expect(await approvers(id)).toEqual([won === 0 ? ann.id : bob.id]);
    expect((await w.auditTypes(id)).filter((type) => type === 'action.params_edited')).toHaveLength(1);
  });

  it("refused, changing nothing: the agent's owner, a viewer, a stale or decided action", async () => {
    const owner = await w.person(['owner', 'reviewer'], 'Owning Reviewer');
    const { agent, tool } = await w.agentWithRefundTool({ owner });
    const [viewer, ann] = [await w.person(['viewer']), await w.person(['reviewer'], 'Ann')];
    const id = await w.propose(agent, tool, 'pending_review');
    const params = { orderId: 'ORD-7', amount: 10 };

    await expect(editAndApproveAction(owner, { actionId: id, version: 1, params })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(editAndApproveAction(viewer, { actionId: id, version: 1, params })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await w.actionRow(id)).toMatchObject({ status: 'pending_review', paramsVersion: 1, editedParams: null });
    expect(await w.auditTypes(id)).toEqual(['action.proposed', 'gate.decided']);

    await rejectAction(ann, { actionId: id, comment: 'no' });
    await expect(editAndApproveAction(ann, { actionId: id, version: 1, params })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'rejected' },
    });
    expect(await w.actionRow(id)).toMatchObject({ status: 'rejected', paramsVersion: 1, editedParams: null });
  });
});
