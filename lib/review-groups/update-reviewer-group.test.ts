import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/** updateReviewerGroup on a real database: renames carry over (grants and actions keep the id), audited with before/after. */
describe.each(TEST_DATABASES)('updateReviewerGroup on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-update-group');
  let w: typeof import('../seed/test-world');
  let updateReviewerGroup: typeof import('./update-reviewer-group').updateReviewerGroup;
  let approveAction: typeof import('../actions/approve-action').approveAction;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ updateReviewerGroup } = await import('./update-reviewer-group'));
    ({ approveAction } = await import('../actions/approve-action'));
  });
  const updates = async () =>
    (
      await database.client.auditEvent.findMany({ where: { type: 'review_group.updated' }, orderBy: { seq: 'asc' } })
    ).map((e) => JSON.parse(e.payload));

  it('a rename is audited with before and after, and the pending actions that require the group name it anew', async () => {
    const [fiona, sara] = [await w.person(['reviewer'], 'Fiona'), await w.person(['reviewer'], 'Sara')];
    const finance = await w.reviewerGroup('Finance', [fiona]);
    const security = await w.reviewerGroup('Security', [sara]);
    const { agent, tool } = await w.agentWithRefundTool({ rules: { requiredGroups: [finance.id, security.id] } });
    const id = await w.propose(agent, tool, 'pending_review');

    expect(await updateReviewerGroup(w.SETUP, { groupId: security.id, name: 'Security Ops' })).toEqual({
      id: security.id,
      name: 'Security Ops',
      description: 'Security reviewers',
      changed: true,
    });
    expect(await updates()).toEqual([
      {
        name: 'Security Ops',
        before: { name: security.name, description: 'Security reviewers' },
        after: { name: 'Security Ops', description: 'Security reviewers' },
      },
    ]);
    expect(await approveAction(fiona, { actionId: id })).toMatchObject({
      status: 'pending_review',
      missingGroups: ['Security Ops'],
    });
    expect(await approveAction(sara, { actionId: id }), "the renamed group's members still count for it").toMatchObject(
      { status: 'approved' },
    );
  });

  it('the same values change nothing and record nothing; a description alone changes', async () => {
    const group = await w.reviewerGroup('Legal');
    const before = (await updates()).length;
    expect(await updateReviewerGroup(w.SETUP, { groupId: group.id, name: group.name })).toMatchObject({
      changed: false,
    });
    expect((await updates()).length).toBe(before);
    expect(await updateReviewerGroup(w.SETUP, { groupId: group.id, description: 'Contracts' })).toMatchObject({
      name: group.name,
      description: 'Contracts',
      changed: true,
    });
    expect((await updates()).length).toBe(before + 1);
  });

  it("refused, changing nothing: another group's name, an unknown group, a too long description, no change named, a reviewer", async () => {
    const [a, b] = [await w.reviewerGroup('Alpha'), await w.reviewerGroup('Beta')];
    await expect(updateReviewerGroup(w.SETUP, { groupId: b.id, name: a.name })).rejects.toMatchObject({
      code: 'conflict',
      message: `A reviewer group named "${a.name}" already exists.`,
    });
    await expect(updateReviewerGroup(w.SETUP, { groupId: 'no-such-group', name: 'Gamma' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(updateReviewerGroup(w.SETUP, { groupId: b.id, description: 'd'.repeat(301) })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'description' }] },
    });
    await expect(updateReviewerGroup(w.SETUP, { groupId: b.id })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'name' }] },
    });
    await expect(
      updateReviewerGroup(await w.person(['reviewer']), { groupId: b.id, name: 'Gamma' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await database.client.reviewerGroup.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({
      name: b.name,
      description: 'Beta reviewers',
    });
  });
});
