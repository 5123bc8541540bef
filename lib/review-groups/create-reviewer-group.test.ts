import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/** createReviewerGroup on a real database: admins create uniquely named groups, audited; bad names are refused by field. */
describe.each(TEST_DATABASES)('createReviewerGroup on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-create-group');
  let w: typeof import('../seed/test-world');
  let createReviewerGroup: typeof import('./create-reviewer-group').createReviewerGroup;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ createReviewerGroup } = await import('./create-reviewer-group'));
  });
  const groupEvents = async () =>
    (
      await database.client.auditEvent.findMany({ where: { type: 'review_group.created' }, orderBy: { seq: 'asc' } })
    ).map((e) => ({ actorId: e.actorId, payload: JSON.parse(e.payload) }));

  it('an admin creates an empty group, trimmed, audited', async () => {
    const admin = await w.person(['admin'], 'Ada Admin');
    const group = await createReviewerGroup(admin, { name: '  Finance  ', description: 'Refunds and payouts' });
    expect(group).toEqual({ id: expect.any(String), name: 'Finance', description: 'Refunds and payouts' });
    expect(
      await database.client.reviewerGroup.findUniqueOrThrow({ where: { id: group.id }, include: { members: true } }),
    ).toMatchObject({ name: 'Finance', members: [] });
    expect(await groupEvents()).toEqual([{ actorId: admin.id, payload: { name: 'Finance' } }]);
  });

  it('a name already taken is a conflict; nothing more is created', async () => {
    await createReviewerGroup(w.SETUP, { name: 'Security' });
    await expect(createReviewerGroup(w.SETUP, { name: 'Security', description: 'again' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'A reviewer group named "Security" already exists.',
    });
    expect(await database.client.reviewerGroup.count({ where: { name: 'Security' } })).toBe(1);
  });

  it('a blank or too long name, or a too long description, is refused naming the field', async () => {
    const before = await database.client.reviewerGroup.count();
    await expect(createReviewerGroup(w.SETUP, { name: '   ' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'name', message: 'name the group' }] },
    });
    await expect(createReviewerGroup(w.SETUP, { name: 'x'.repeat(61) })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'name' }] },
    });
    await expect(createReviewerGroup(w.SETUP, { name: 'Ops', description: 'd'.repeat(301) })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'description' }] },
    });
    expect(await database.client.reviewerGroup.count()).toBe(before);
    expect(await createReviewerGroup(w.SETUP, { name: 'x'.repeat(60), description: 'd'.repeat(300) })).toMatchObject({
      name: 'x'.repeat(60),
    });
  });

  it('reviewers, owners and agents cannot create groups', async () => {
    const { agent } = await w.agentWithRefundTool();
    for (const actor of [await w.person(['reviewer']), await w.person(['owner']), agent]) {
      await expect(createReviewerGroup(actor, { name: 'Mine' })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await database.client.reviewerGroup.count({ where: { name: 'Mine' } })).toBe(0);
  });
});
