import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * escalateAction on a real database: a reviewer hands a pending action to another group with a note; the action
 * stays pending with its quorum unchanged; the move is a compare-and-set on the assigned group.
 */
describe.each(TEST_DATABASES)('escalateAction on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-escalate-action');
  let w: typeof import('../seed/test-world');
  let escalateAction: typeof import('./escalate-action').escalateAction;
  let approveAction: typeof import('./approve-action').approveAction;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ escalateAction } = await import('./escalate-action'));
    ({ approveAction } = await import('./approve-action'));
  });
  const assigned = async (id: string) => (await w.actionRow(id)).assignedGroupId;

  async function withFinanceFirst() {
    const [fiona, sara] = [await w.person(['reviewer'], 'Fiona'), await w.person(['reviewer'], 'Sara')];
    const finance = await w.reviewerGroup('Finance', [fiona]);
    const security = await w.reviewerGroup('Security', [sara]);
    const ops = await w.reviewerGroup('Ops');
    const { agent, tool } = await w.agentWithRefundTool({ rules: { reviewGroupId: finance.id } });
    const id = await w.propose(agent, tool, 'pending_review');
    return { fiona, sara, finance, security, ops, agent, id };
  }

  it('hands the action to another group with the note on the record; it stays pending, its quorum unchanged', async () => {
    const { fiona, finance, security, id } = await withFinanceFirst();
    expect(await assigned(id)).toBe(finance.id);
    const before = await w.actionRow(id);

    expect(
      await escalateAction(fiona, {
        actionId: id,
        groupId: security.id,
        note: 'New bank details: Security should confirm.',
      }),
    ).toEqual({ groupId: security.id, groupName: security.name });
    expect(await w.actionRow(id)).toMatchObject({
      status: 'pending_review',
      assignedGroupId: security.id,
      approvalsRequired: before.approvalsRequired,
      requiredGroups: before.requiredGroups,
    });
    expect((await w.auditTrail(id)).at(-1)).toEqual({
      type: 'action.escalated',
      actorType: 'user',
      actorId: fiona.id,
      payload: {
        fromGroupId: finance.id,
        toGroupId: security.id,
        fromGroup: finance.name,
        toGroup: security.name,
        note: 'New bank details: Security should confirm.',
        automatic: false,
      },
    });
  });

  it('refused, changing nothing: an unknown group (naming the field), the group it is with, a missing note, a viewer', async () => {
    const { fiona, finance, id } = await withFinanceFirst();
    await expect(
      escalateAction(fiona, { actionId: id, groupId: 'no-such-group', note: 'please look' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'groupId' }] },
    });
    await expect(escalateAction(fiona, { actionId: id, groupId: finance.id, note: 'again' })).rejects.toMatchObject({
      code: 'conflict',
      message: `This action is already with ${finance.name}.`,
    });
    await expect(escalateAction(fiona, { actionId: id, groupId: finance.id, note: '  ' })).rejects.toMatchObject({
      issues: [{ path: ['note'] }],
    });
    await expect(
      escalateAction(await w.person(['viewer']), { actionId: id, groupId: finance.id, note: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      escalateAction(fiona, { actionId: 'no-such-action', groupId: finance.id, note: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await assigned(id)).toBe(finance.id);
    expect(await w.auditTypes(id)).toEqual(['action.proposed', 'gate.decided']);
  });

  it('a decided action cannot be escalated', async () => {
    const { finance, security, sara, id } = await withFinanceFirst();
    await approveAction(sara, { actionId: id });
    await expect(escalateAction(sara, { actionId: id, groupId: security.id, note: 'too late' })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'approved' },
    });
    expect(await assigned(id)).toBe(finance.id);
  });

  it('escalations at once lose no update: each that succeeds moves on from where the previous one left it', async () => {
    const { fiona, sara, finance, security, ops, id } = await withFinanceFirst();
    const outcomes = await Promise.allSettled([
      escalateAction(fiona, { actionId: id, groupId: security.id, note: 'to security' }),
      escalateAction(sara, { actionId: id, groupId: ops.id, note: 'to ops' }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const lost of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected'))
      expect(lost.reason).toMatchObject({ code: 'conflict' });

    const moves = (await w.auditTrail(id))
      .filter((e) => e.type === 'action.escalated')
      .map((e) => e.payload as { fromGroupId: string; toGroupId: string });
    expect(moves).toHaveLength(won.length);
    // A chain from the group it was with: each later escalation starts from the group the earlier one chose.
    expect(moves.map((move) => move.fromGroupId)).toEqual([
      finance.id,
      ...moves.slice(0, -1).map((move) => move.toGroupId),
    ]);
    expect(await assigned(id)).toBe(moves.at(-1)!.toGroupId);
    expect(await database.client.action.count({ where: { id, status: 'pending_review' } })).toBe(1);
  });

  it('an overdue action expires instead of being escalated', async () => {
    const { fiona, finance, security, id } = await withFinanceFirst();
    await database.client.action.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(escalateAction(fiona, { actionId: id, groupId: security.id, note: 'late' })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'expired' },
    });
    expect(await w.actionRow(id)).toMatchObject({ status: 'expired', assignedGroupId: finance.id });
    expect((await w.auditTypes(id)).at(-1)).toBe('action.expired');
  });
});
