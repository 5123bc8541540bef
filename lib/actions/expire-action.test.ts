import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * Review deadlines on a real database: a pending action past its deadline becomes expired (once, recorded by the
 * system), never approved; a decision that arrives late expires it instead; the background step expires only those.
 */
describe.each(TEST_DATABASES)('expireIfOverdue and expireOverdueActions on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-expire-action');
  let w: typeof import('../seed/test-world');
  let expiry: typeof import('./expire-action') & typeof import('../jobs/expire-overdue-actions');
  let approveAction: typeof import('./approve-action').approveAction;
  let editAndApproveAction: typeof import('./edit-and-approve-action').editAndApproveAction;
  let claimAction: typeof import('./claim-action').claimAction;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    expiry = { ...(await import('./expire-action')), ...(await import('../jobs/expire-overdue-actions')) };
    ({ approveAction } = await import('./approve-action'));
    ({ editAndApproveAction } = await import('./edit-and-approve-action'));
    ({ claimAction } = await import('./claim-action'));
  });
  const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
  const expireAt = (row: { id: string; agentId: string; status: string; expiresAt: Date | null }, now: Date) =>
    database.client.$transaction((tx) => expiry.expireIfOverdue(tx, row, now));
  /** Moves the review deadline into the past, as if the action had been proposed long ago. */
  const overdue = (id: string) =>
    database.client.action.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });

  it("the deadline is the grant's review timeout; before it nothing happens, at it the action expires once, by the system", async () => {
    const { agent, tool } = await w.agentWithRefundTool({ rules: { reviewTimeoutMinutes: 30 } });
    const id = await w.propose(agent, tool, 'pending_review');
    const row = await w.actionRow(id);
    // From the moment the gate decided, which is a moment before the row's createdAt.
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBeGreaterThan(30 * 60_000 - 5_000);
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000);

    expect(await expireAt(row, minutesAfter(row.expiresAt!, -1))).toBe(false);
    expect((await w.actionRow(id)).status).toBe('pending_review');

    const now = row.expiresAt!;
    expect(await expireAt(row, now)).toBe(true);
    expect(await w.actionRow(id)).toMatchObject({
      status: 'expired',
      decidedAt: now,
      reviewerId: null,
      approvedParamsHash: null,
      decisionReason: `no decision before the deadline ${row.expiresAt!.toISOString()}`,
    });
    expect(await expireAt(row, now), 'a second expiry of the same action changes nothing').toBe(false);
    expect((await w.auditTrail(id)).filter((e) => e.type === 'action.expired')).toEqual([
      {
        type: 'action.expired',
        actorType: 'system',
        actorId: 'review-deadline',
        payload: { deadline: row.expiresAt!.toISOString() },
      },
    ]);
  });

  it('only a pending action expires: an approved one past its deadline stays approved and claimable', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const id = await w.propose(agent, tool, 'pending_review');
    await approveAction(await w.person(['reviewer']), { actionId: id });
    const row = await w.actionRow(id);
    expect(
      await expireAt({ ...row, status: 'pending_review' }, minutesAfter(row.expiresAt!, 1)),
      'the compare-and-set sees it is approved',
    ).toBe(false);
    expect(await expireAt(row, minutesAfter(row.expiresAt!, 1))).toBe(false);
    expect((await w.actionRow(id)).status).toBe('approved');
    expect(await claimAction(agent, id)).toMatchObject({ status: 'executing' });
  });

  it('an approval that arrives after the deadline expires the action instead; it is never approved nor claimable', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const reviewer = await w.person(['reviewer']);
    const [late, lateEdit] = [
      await w.propose(agent, tool, 'pending_review'),
      await w.propose(agent, tool, 'pending_review'),
    ];
    await overdue(late);
    await overdue(lateEdit);

    await expect(approveAction(reviewer, { actionId: late })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'expired' },
    });
    await expect(
      editAndApproveAction(reviewer, { actionId: lateEdit, version: 1, params: { orderId: 'ORD-7', amount: 1 } }),
    ).rejects.toMatchObject({ code: 'conflict', details: { status: 'expired' } });
    for (const id of [late, lateEdit]) {
      expect(await w.actionRow(id)).toMatchObject({ status: 'expired', approvedParamsHash: null, editedParams: null });
      expect(await database.client.actionApproval.count({ where: { actionId: id } })).toBe(0);
      expect(await w.auditTypes(id)).toEqual(['action.proposed', 'gate.decided', 'action.expired']);
      await expect(claimAction(agent, id)).rejects.toMatchObject({ code: 'conflict', details: { status: 'expired' } });
    }
  });

  it('the background step expires the overdue pending actions and nothing else', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const [due, waiting, approved] = [
      await w.propose(agent, tool, 'pending_review'),
      await w.propose(agent, tool, 'pending_review'),
      await w.propose(agent, tool, 'pending_review'),
    ];
    await approveAction(await w.person(['reviewer']), { actionId: approved });
    await overdue(due);
    await overdue(approved);

    expect(await expiry.expireOverdueActions()).toBe(1);
    expect((await w.actionRow(due)).status).toBe('expired');
    expect((await w.actionRow(waiting)).status).toBe('pending_review');
    expect((await w.actionRow(approved)).status).toBe('approved');
    expect(await expiry.expireOverdueActions(), 'a second pass finds nothing').toBe(0);
  });
});
