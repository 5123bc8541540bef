import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * assertReviewGroupsExist on a real database, through the two writers of grant rules (grantTool and updateGrant):
 * every group a grant names must exist, each unknown one named by its path, and a refused change writes nothing.
 */
describe.each(TEST_DATABASES)('assertReviewGroupsExist on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-review-groups-exist');
  let w: typeof import('../seed/test-world');
  let grantTool: typeof import('./grant-tool').grantTool;
  let updateGrant: typeof import('./update-grant').updateGrant;
  let createAgent: typeof import('../agents/create-agent').createAgent;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ grantTool } = await import('./grant-tool'));
    ({ updateGrant } = await import('./update-grant'));
    ({ createAgent } = await import('../agents/create-agent'));
  });

  it('a new grant requiring an unknown group is refused naming requiredGroups[1]; nothing is created', async () => {
    const finance = await w.reviewerGroup('Finance');
    const { owner, tool } = await w.agentWithRefundTool();
    const agent = await createAgent(w.SETUP, {
      name: w.uniqueName('agent'),
      purpose: 'grant rules test',
      ownerId: owner.id,
      mode: 'live',
    });

    await expect(
      grantTool(w.SETUP, {
        agent: { id: agent.id },
        tool: tool.name,
        rules: { approvals: 1, requiredGroups: [finance.id, 'no-such-group'] },
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'requiredGroups[1]', message: 'no such reviewer group' }] },
    });
    expect(await database.client.grant.count({ where: { agentId: agent.id } })).toBe(0);
  });

  it('an update naming an unknown first group or escalation step is refused naming each; the version stays', async () => {
    const finance = await w.reviewerGroup('Finance');
    const { owner, grant } = await w.agentWithRefundTool({ rules: { reviewGroupId: finance.id } });
    const rules = {
      approvals: 1,
      reviewGroupId: 'gone',
      escalationLadder: [
        { afterMinutes: 30, groupId: finance.id },
        { afterMinutes: 60, groupId: 'missing' },
      ],
    };

    await expect(updateGrant(owner, { grantId: grant.id, expectedVersion: 1, rules })).rejects.toMatchObject({
      code: 'invalid_input',
      details: {
        issues: [
          { path: 'reviewGroupId', message: 'no such reviewer group' },
          { path: 'escalationLadder[1].groupId', message: 'no such reviewer group' },
        ],
      },
    });
    expect(await database.client.grant.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({
      version: 1,
      reviewGroupId: finance.id,
      escalationLadder: '[]',
    });

    const saved = await updateGrant(owner, {
      grantId: grant.id,
      expectedVersion: 1,
      rules: { ...rules, reviewGroupId: finance.id, escalationLadder: [rules.escalationLadder[0]!] },
    });
    expect(saved.version).toBe(2);
  });
});
