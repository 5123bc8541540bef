import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { actionStatusInDatabase, auditEventsOfAction } from '../fixtures/audit';
import {
  createTestAgent,
  createTestAgentKey,
  createTestTool,
  createTestUser,
  SETUP,
  uniqueName,
} from '../fixtures/factories';
import { createTestGroup, financeAndSecurity } from '../fixtures/group-factories';
import { proposeTicket } from '../fixtures/scenarios';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { escalateAction } = appModule<typeof import('@/lib/actions/escalate-action')>('@/lib/actions/escalate-action');
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');
const { updateGrant } = appModule<typeof import('@/lib/grants/update-grant')>('@/lib/grants/update-grant');
const { createChannel } = appModule<typeof import('@/lib/notifications/create-channel')>(
  '@/lib/notifications/create-channel',
);
const { addGroupMember } = appModule<typeof import('@/lib/review-groups/add-group-member')>(
  '@/lib/review-groups/add-group-member',
);
const { createReviewerGroup } = appModule<typeof import('@/lib/review-groups/create-reviewer-group')>(
  '@/lib/review-groups/create-reviewer-group',
);
const { deleteReviewerGroup } = appModule<typeof import('@/lib/review-groups/delete-reviewer-group')>(
  '@/lib/review-groups/delete-reviewer-group',
);
const { listReviewerGroups } = appModule<typeof import('@/lib/review-groups/list-reviewer-groups')>(
  '@/lib/review-groups/list-reviewer-groups',
);
const { removeGroupMember } = appModule<typeof import('@/lib/review-groups/remove-group-member')>(
  '@/lib/review-groups/remove-group-member',
);
const { updateReviewerGroup } = appModule<typeof import('@/lib/review-groups/update-reviewer-group')>(
  '@/lib/review-groups/update-reviewer-group',
);
const { revokeGrant } = appModule<typeof import('@/lib/grants/revoke-grant')>('@/lib/grants/revoke-grant');

async function groupAuditEvents(name: string) {
  const events = await db().auditEvent.findMany({
    where: { type: { startsWith: 'review_group.' } },
    orderBy: { seq: 'asc' },
  });
  return events
    .map((event) => ({ type: event.type, actorType: event.actorType, payload: JSON.parse(event.payload) }))
    .filter((event) => JSON.stringify(event.payload).includes(name));
}

/** An agent (owned by someone who is not a reviewer here) with a key and a ticket tool granted under `rules`. */
async function agentWithGrant(rules: Record<string, unknown>, baseURL: string) {
  const agent = await createTestAgent();
  const tool = await createTestTool();
  const grant = await grantTool(SETUP, {
    agent: { id: agent.id },
    tool: tool.name,
    rules: { approvals: 1, ...rules },
  });
  const { key } = await createTestAgentKey(agent);
  return { agent, tool, grant, client: agentClient(baseURL, key) };
}

test.describe('reviewer groups: create, rename, members', () => {
  test('an admin creates and renames a group and manages its members; each step is audited', async () => {
    const admin = await createTestUser(['admin'], 'Ada Admin');
    const rita = await createTestUser(['reviewer'], 'Rita Reviewer');
    const name = uniqueName('Finance');
    const group = await createReviewerGroup(admin.actor, { name, description: 'Refunds and payouts' });
    expect(group).toMatchObject({ name, description: 'Refunds and payouts' });

    await addGroupMember(admin.actor, { groupId: group.id, email: rita.email.toUpperCase() });
    let listed = (await listReviewerGroups(rita.actor)).find((g) => g.id === group.id)!;
    expect(listed).toMatchObject({
      memberCount: 1,
      members: [{ id: rita.id, email: rita.email, name: 'Rita Reviewer' }],
    });

    const renamed = `${name}-ops`;
    await updateReviewerGroup(admin.actor, { groupId: group.id, name: renamed });
    await removeGroupMember(admin.actor, { groupId: group.id, userId: rita.id });
    listed = (await listReviewerGroups(admin.actor)).find((g) => g.id === group.id)!;
    expect(listed).toMatchObject({ name: renamed, memberCount: 0, members: [] });

    expect(await groupAuditEvents(name)).toEqual([
      { type: 'review_group.created', actorType: 'user', payload: { name } },
      { type: 'review_group.member_added', actorType: 'user', payload: { group: name, email: rita.email } },
      {
        type: 'review_group.updated',
        actorType: 'user',
        payload: {
          name: renamed,
          before: { name, description: 'Refunds and payouts' },
          after: { name: renamed, description: 'Refunds and payouts' },
        },
      },
      { type: 'review_group.member_removed', actorType: 'user', payload: { group: renamed, email: rita.email } },
    ]);
  });

  test('bad input is refused with a 422 naming the field, and nothing changes', async () => {
    const admin = await createTestUser(['admin']);
    await expect(createReviewerGroup(admin.actor, { name: '   ' })).rejects.toMatchObject({
      code: 'invalid_input',
      status: 422,
      details: { issues: [{ path: 'name', message: 'name the group' }] },
    });
    await expect(createReviewerGroup(admin.actor, { name: 'x'.repeat(61) })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'name' }] },
    });
    const group = await createTestGroup('Security');
    await expect(
      updateReviewerGroup(admin.actor, { groupId: group.id, description: 'd'.repeat(301) }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'description' }] },
    });
    await expect(addGroupMember(admin.actor, { groupId: group.id, email: 'not-an-address' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'email' }] },
    });
    await expect(
      addGroupMember(admin.actor, { groupId: group.id, email: `${uniqueName('nobody')}@warden.test` }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'email', message: 'no such user' }] },
    });
    expect((await listReviewerGroups(admin.actor)).find((g) => g.id === group.id)).toMatchObject({
      description: 'Security reviewers (end-to-end test)',
      memberCount: 0,
    });
  });

  test('only people whose role can decide may join, and the refusal says why', async () => {
    const group = await createTestGroup('Finance');
    for (const role of ['viewer', 'owner'] as const) {
      const person = await createTestUser([role], `Pat ${role}`);
      const refusal = addGroupMember(SETUP, { groupId: group.id, email: person.email });
      await expect(refusal).rejects.toMatchObject({ code: 'invalid_input', details: { issues: [{ path: 'email' }] } });
      await expect(refusal).rejects.toThrow(
        `Pat ${role} (${person.email}) cannot join a reviewer group: their role (${role}) cannot approve or reject actions`,
      );
    }
    const admin = await createTestUser(['admin']);
    await addGroupMember(SETUP, { groupId: group.id, userId: admin.id });
    expect((await listReviewerGroups(SETUP)).find((g) => g.id === group.id)?.members.map((m) => m.id)).toEqual([
      admin.id,
    ]);
  });

  test('duplicates and missing members are conflicts; non-admins cannot change groups', async () => {
    const rita = await createTestUser(['reviewer']);
    const owner = await createTestUser(['owner']);
    const group = await createTestGroup('Finance', [rita]);
    await expect(createReviewerGroup(SETUP, { name: group.name })).rejects.toMatchObject({
      code: 'conflict',
      message: `A reviewer group named "${group.name}" already exists.`,
    });
    const other = await createTestGroup('Security');
    await expect(updateReviewerGroup(SETUP, { groupId: other.id, name: group.name })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(addGroupMember(SETUP, { groupId: group.id, email: rita.email })).rejects.toMatchObject({
      code: 'conflict',
      message: `${rita.email} is already a member of ${group.name}.`,
    });
    await expect(removeGroupMember(SETUP, { groupId: other.id, userId: rita.id })).rejects.toMatchObject({
      code: 'conflict',
      message: `${rita.email} is not a member of ${other.name}.`,
    });
    await expect(updateReviewerGroup(SETUP, { groupId: 'no-such-group', name: uniqueName('x') })).rejects.toMatchObject(
      {
        code: 'not_found',
      },
    );

    for (const actor of [rita.actor, owner.actor]) {
      await expect(createReviewerGroup(actor, { name: uniqueName('Mine') })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(addGroupMember(actor, { groupId: group.id, userId: rita.id })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(removeGroupMember(actor, { groupId: group.id, userId: rita.id })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect((await listReviewerGroups(owner.actor)).find((g) => g.id === group.id)?.memberCount).toBe(1);
  });
});

test.describe('quorum across reviewer groups', () => {
  test('finance AND security: "1 of 2", a second finance approval is refused naming Security, security completes it', async ({
    baseURL,
  }) => {
    const { finance, security, fiona, frank, sara } = await financeAndSecurity();
    const { client, tool } = await agentWithGrant({ requiredGroups: [finance.id, security.id] }, baseURL!);
    const id = await proposeTicket(client, tool, 'pending_review');
    const row = await db().action.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ approvalsRequired: 2, requiredGroups: JSON.stringify([finance.id, security.id]) });

    expect(await approveAction(fiona.actor, { actionId: id, comment: 'numbers check out' })).toEqual({
      status: 'pending_review',
      approvals: 1,
      required: 2,
      missingGroups: [security.name],
    });

    const second = approveAction(frank.actor, { actionId: id });
    await expect(second).rejects.toMatchObject({ code: 'forbidden', details: { missingGroups: [security.name] } });
    await expect(second).rejects.toThrow(
      `This action still needs an approval from ${security.name}, and you are not a member.`,
    );
    expect(await actionStatusInDatabase(id)).toBe('pending_review');

    expect(await approveAction(sara.actor, { actionId: id })).toMatchObject({
      status: 'approved',
      approvals: 2,
      required: 2,
    });
    const approvals = await db().actionApproval.findMany({ where: { actionId: id }, orderBy: { createdAt: 'asc' } });
    expect(approvals.map((a) => [a.reviewerId, a.groupId])).toEqual([
      [fiona.id, finance.id],
      [sara.id, security.id],
    ]);
    const trail = await auditEventsOfAction(id);
    expect(trail.map((e) => e.type)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.approval_recorded',
      'action.approved',
    ]);
    expect(trail[2].payload).toMatchObject({ approvals: 1, required: 2, group: finance.name });

    const claim = await client.claim(id);
    expect(claim.status, JSON.stringify(claim.body)).toBe(200);
    expect(claim.body.status).toBe('executing');
  });

  test('a member of both groups who approves first is re-matched, so a finance-only reviewer can complete it', async ({
    baseURL,
  }) => {
    const { finance, security, fiona } = await financeAndSecurity();
    const both = await createTestUser(['reviewer'], 'Bo Both');
    await addGroupMember(SETUP, { groupId: finance.id, userId: both.id });
    await addGroupMember(SETUP, { groupId: security.id, userId: both.id });
    const { tool, client } = await agentWithGrant({ requiredGroups: [finance.id, security.id] }, baseURL!);
    const id = await proposeTicket(client, tool, 'pending_review');

    expect(await approveAction(both.actor, { actionId: id })).toMatchObject({
      status: 'pending_review',
      approvals: 1,
      missingGroups: [security.name],
    });
    expect(await approveAction(fiona.actor, { actionId: id })).toMatchObject({
      status: 'approved',
      approvals: 2,
      required: 2,
    });
    const approvals = await db().actionApproval.findMany({ where: { actionId: id } });
    expect(Object.fromEntries(approvals.map((a) => [a.reviewerId, a.groupId]))).toEqual({
      [both.id]: security.id,
      [fiona.id]: finance.id,
    });
  });

  test('one rejection rejects, even after an approval; nobody can approve afterwards', async ({ baseURL }) => {
    const { finance, security, fiona, sara, simon } = await financeAndSecurity();
    const { client, tool } = await agentWithGrant({ requiredGroups: [finance.id, security.id] }, baseURL!);
    const id = await proposeTicket(client, tool, 'pending_review');

    await approveAction(fiona.actor, { actionId: id });
    expect(
      await rejectAction(simon.actor, { actionId: id, comment: 'request did not come from the customer' }),
    ).toMatchObject({ status: 'rejected' });
    await expect(approveAction(sara.actor, { actionId: id })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'rejected', decidedBy: simon.email },
    });
    expect(await actionStatusInDatabase(id)).toBe('rejected');
    expect((await client.claim(id)).status).toBe(409);
  });

  test('escalation hands the action to another group with the note in the audit; unknown groups and decided actions are refused', async ({
    baseURL,
  }) => {
    const { finance, security, fiona, sara } = await financeAndSecurity();
    const { client, tool } = await agentWithGrant({ reviewGroupId: finance.id }, baseURL!);
    const id = await proposeTicket(client, tool, 'pending_review');
    const assigned = async () =>
      (await db().action.findUniqueOrThrow({ where: { id }, select: { assignedGroupId: true } })).assignedGroupId;
    expect(await assigned()).toBe(finance.id);

    await expect(
      escalateAction(fiona.actor, { actionId: id, groupId: 'no-such-group', note: 'please look' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      status: 422,
      details: { issues: [{ path: 'groupId' }] },
    });
    expect(await assigned()).toBe(finance.id);

    expect(
      await escalateAction(fiona.actor, {
        actionId: id,
        groupId: security.id,
        note: 'New bank details: Security should confirm.',
      }),
    ).toEqual({ groupId: security.id, groupName: security.name });
    expect(await assigned()).toBe(security.id);
    expect((await auditEventsOfAction(id)).at(-1)).toMatchObject({
      type: 'action.escalated',
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
    expect(await actionStatusInDatabase(id)).toBe('pending_review');

    await approveAction(sara.actor, { actionId: id });
    await expect(
      escalateAction(sara.actor, { actionId: id, groupId: finance.id, note: 'too late' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      status: 409,
      details: { status: 'approved' },
    });
    expect(await assigned()).toBe(security.id);
  });
});

test.describe('grants name only existing reviewer groups', () => {
  test('creating a grant with an unknown group is a 422 naming requiredGroups[1]; nothing is created', async () => {
    const finance = await createTestGroup('Finance');
    const agent = await createTestAgent();
    const tool = await createTestTool();
    await expect(
      grantTool(SETUP, {
        agent: { id: agent.id },
        tool: tool.name,
        rules: { approvals: 1, requiredGroups: [finance.id, 'no-such-group'] },
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      status: 422,
      details: { issues: [{ path: 'requiredGroups[1]', message: 'no such reviewer group' }] },
    });
    expect(await db().grant.count({ where: { agentId: agent.id } })).toBe(0);
  });

  test('updating a grant checks the first group and every escalation step; the version stays', async () => {
    const finance = await createTestGroup('Finance');
    const agent = await createTestAgent();
    const tool = await createTestTool();
    const grant = await grantTool(SETUP, {
      agent: { id: agent.id },
      tool: tool.name,
      rules: { approvals: 1, reviewGroupId: finance.id },
    });
    const rules = {
      approvals: 1,
      reviewGroupId: 'gone',
      escalationLadder: [
        { afterMinutes: 30, groupId: finance.id },
        { afterMinutes: 60, groupId: 'missing' },
      ],
    };
    await expect(
      updateGrant(agent.owner.actor, { grantId: grant.id, expectedVersion: 1, rules }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: {
        issues: [
          { path: 'reviewGroupId', message: 'no such reviewer group' },
          { path: 'escalationLadder[1].groupId', message: 'no such reviewer group' },
        ],
      },
    });
    expect(await db().grant.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({
      version: 1,
      reviewGroupId: finance.id,
      escalationLadder: '[]',
    });

    const saved = await updateGrant(agent.owner.actor, {
      grantId: grant.id,
      expectedVersion: 1,
      rules: { ...rules, reviewGroupId: finance.id, escalationLadder: [rules.escalationLadder[0]] },
    });
    expect(saved.version).toBe(2);
  });
});

test.describe('deleting a reviewer group', () => {
  test('refused while a grant, a waiting action or a channel relies on it, naming each; then deleted with its members, audited', async ({
    baseURL,
  }) => {
    const admin = await createTestUser(['admin']);
    const rita = await createTestUser(['reviewer'], 'Rita Reviewer');
    const group = await createTestGroup('Payments', [rita]);
    const other = await createTestGroup('Other');
    const required = await agentWithGrant({ requiredGroups: [other.id, group.id] }, baseURL!);
    const { grant: laddered } = await agentWithGrant(
      { reviewGroupId: other.id, escalationLadder: [{ afterMinutes: 5, groupId: group.id }] },
      baseURL!,
    );
    const { channel } = await createChannel(admin.actor, {
      name: uniqueName('payments-pager'),
      kind: 'webhook',
      url: 'https://hooks.example.com/payments',
      groupId: group.id,
    });
    const waitingId = await proposeTicket(required.client, required.tool, 'pending_review');

    const refusal = deleteReviewerGroup(admin.actor, { groupId: group.id });
    await expect(refusal).rejects.toMatchObject({ code: 'conflict', status: 409 });
    const message = String(await refusal.catch((error: Error) => error.message));
    expect(message).toContain(`grant ${required.agent.name} → ${required.tool.name}`);
    expect(message.match(/grant /g), 'the grant that escalates to it is named too').toHaveLength(2);
    expect(message).toContain('1 action waiting for review');
    expect(message).toContain(`notification channel ${channel.name}`);
    expect((await listReviewerGroups(admin.actor)).some((g) => g.id === group.id)).toBe(true);

    // Clear every use: reject the waiting action, revoke one grant, re-point the other, remove the channel's group.
    await rejectAction(rita.actor, { actionId: waitingId, comment: 'not needed' });
    await revokeGrant(SETUP, required.grant.id);
    await updateGrant(SETUP, {
      grantId: laddered.id,
      expectedVersion: laddered.version,
      rules: { approvals: 1, reviewGroupId: other.id },
    });
    await db().notificationChannel.update({ where: { id: channel.id }, data: { groupId: other.id } });

    await expect(deleteReviewerGroup(rita.actor, { groupId: group.id })).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
    });
    await expect(deleteReviewerGroup(admin.actor, { groupId: '' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'groupId' }] },
    });
    expect(await deleteReviewerGroup(admin.actor, { groupId: group.id })).toEqual({ id: group.id, name: group.name });
    expect((await listReviewerGroups(admin.actor)).some((g) => g.id === group.id)).toBe(false);
    expect(await db().reviewerGroupMember.count({ where: { groupId: group.id } })).toBe(0);
    expect((await groupAuditEvents(group.name)).at(-1)).toEqual({
      type: 'review_group.deleted',
      actorType: 'user',
      payload: { name: group.name, members: [rita.email] },
    });
    await expect(deleteReviewerGroup(admin.actor, { groupId: group.id })).rejects.toMatchObject({
      code: 'not_found',
      status: 404,
    });
  });
});
