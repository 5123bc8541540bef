import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { auditEventsOfAgent } from '../fixtures/audit';
import { createTestAgent, createTestTool, createTestUser, SETUP } from '../fixtures/factories';
import { grantChangeRequests, MILLION_GBP, seedExternalRefundAgent } from '../fixtures/floor-factories';
import { grantRow } from '../fixtures/gate-factories';
import { serverActionRequest } from '../fixtures/server-actions';
import { signInWithRequest } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');
const { updateGrant } = appModule<typeof import('@/lib/grants/update-grant')>('@/lib/grants/update-grant');
const { listApprovalFloors } = appModule<typeof import('@/lib/floors/list-approval-floors')>(
  '@/lib/floors/list-approval-floors',
);
const { setApprovalFloor } = appModule<typeof import('@/lib/floors/set-approval-floor')>(
  '@/lib/floors/set-approval-floor',
);
const { approveGrantChange } = appModule<typeof import('@/lib/grants/approve-grant-change')>(
  '@/lib/grants/approve-grant-change',
);
const { listHeldGrantChanges } = appModule<typeof import('@/lib/grants/list-held-grant-changes')>(
  '@/lib/grants/list-held-grant-changes',
);
const { rejectGrantChange } = appModule<typeof import('@/lib/grants/reject-grant-change')>(
  '@/lib/grants/reject-grant-change',
);

const grantTypes = async (agentId: string) =>
  (await auditEventsOfAgent(agentId)).filter((e) => e.type.startsWith('grant.') || e.type === 'floor.set');

test.describe('issue 12 item 7: an owner alone cannot remove human review', () => {
  test('approvals 0 on an external tool is refused by the admin floor, in the domain and over the console; the agent still needs review', async ({
    baseURL,
    request,
  }) => {
    const { owner, agent, tool, grant, key } = await seedExternalRefundAgent({ approvals: 1 });

    await expect(
      updateGrant(owner.actor, {
        grantId: grant.id,
        expectedVersion: 1,
        rules: { approvals: 0 },
        confirmLoosening: true,
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      status: 422,
      message: 'external tools need at least 1 approval (admin floor).',
      details: { issues: [{ path: 'approvals', message: 'external tools need at least 1 approval (admin floor)' }] },
    });

    await signInWithRequest(request, owner.email, owner.password);
    const call = serverActionRequest('saveGrantMutation', [
      { agentId: agent.id, grantId: grant.id, expectedVersion: 1, rules: { approvals: 0 }, confirmLoosening: true },
    ]);
    const reply = await request.post(`/agents/${agent.id}/grants/${grant.id}`, {
      headers: call.headers,
      data: call.body,
    });
    expect(reply.status()).toBe(200);
    expect(await reply.text()).toContain('external tools need at least 1 approval (admin floor).');

    expect(await grantRow(grant.id)).toMatchObject({ version: 1, approvals: 1 });
    expect((await grantTypes(agent.id)).map((e) => e.type)).toEqual(['grant.created']);
    const client = agentClient(baseURL!, key);
    const refund = await client.propose({ tool: tool.name, params: MILLION_GBP });
    expect(refund.body).toMatchObject({
      status: 'pending_review',
      decision: { reasons: ['review: grant requires approval'] },
    });
    expect((await client.claim(refund.body.id)).status).toBe(409);
  });

  test('a new grant by an owner must meet the floor too; unsaid, it starts at the floor', async () => {
    const { owner, agent } = await seedExternalRefundAgent();
    const other = await createTestTool({ actionLevel: 'external' });
    await expect(
      grantTool(owner.actor, { agent: { id: agent.id }, tool: other.name, rules: { approvals: 0 } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'external tools need at least 1 approval (admin floor).',
    });
    const admin = await createTestUser(['admin']);
    await setApprovalFloor(admin.actor, { scope: 'tool', tool: other.name, minApprovals: 3 });
    const created = await grantTool(owner.actor, { agent: { id: agent.id }, tool: other.name });
    expect(created.approvals).toBe(3);
  });
});

test.describe("conditions name the tool's parameters", () => {
  test('the "amout" case: a misspelt parameter is refused with a 422 naming it, and the block cap stays', async ({
    baseURL,
  }) => {
    const { owner, agent, tool, grant, key } = await seedExternalRefundAgent({
      constraints: [{ kind: 'range', param: 'amount', max: 1000, effect: 'block' }],
    });
    const misspelt = {
      approvals: 1,
      constraints: [{ kind: 'range' as const, param: 'amout', max: 1000, effect: 'block' as const }],
    };

    await expect(
      updateGrant(owner.actor, {
        grantId: grant.id,
        expectedVersion: 1,
        rules: misspelt,
        confirmLoosening: true,
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      status: 422,
      message: `amout is not a parameter of ${tool.name}.`,
      details: { issues: [{ path: 'constraints.0.param', message: `amout is not a parameter of ${tool.name}` }] },
    });
    await expect(
      grantTool(SETUP, {
        agent: { id: agent.id },
        tool: (await createTestTool({ actionLevel: 'update' })).name,
        rules: { constraints: [{ kind: 'range', param: 'amout', max: 5, effect: 'block' }] },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: { issues: [{ path: 'constraints.0.param' }] } });

    expect(await grantRow(grant.id)).toMatchObject({ version: 1 });
    const over = await agentClient(baseURL!, key).propose({ tool: tool.name, params: MILLION_GBP });
    expect(over.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: ['blocked: amount 1,000,000 > 1,000', 'review: grant requires approval'] },
    });
  });
});

test.describe('admin floors', () => {
  test('an admin raises a tool floor (audited); an owner cannot go below it nor change floors', async () => {
    const { owner, admin, tool, grant } = await seedExternalRefundAgent({ approvals: 2 });
    await expect(
      setApprovalFloor(owner.actor, { scope: 'tool', tool: tool.name, minApprovals: 0 }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    expect(await setApprovalFloor(admin.actor, { scope: 'tool', tool: tool.name, minApprovals: 2 })).toEqual({
      scope: tool.name,
      minApprovals: 2,
    });
    await expect(
      updateGrant(owner.actor, {
        grantId: grant.id,
        expectedVersion: 1,
        rules: { approvals: 1 },
        confirmLoosening: true,
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: `${tool.name} needs at least 2 approvals (admin floor).`,
    });
    const floorEvents = await db().auditEvent.findMany({ where: { type: 'floor.set', actorId: admin.id } });
    expect(floorEvents.map((e) => JSON.parse(e.payload))).toEqual([{ scope: tool.name, before: null, after: 2 }]);

    await expect(setApprovalFloor(admin.actor, { scope: 'tool', tool: tool.name, minApprovals: 9 })).rejects.toThrow(
      /at most 5/,
    );
    await setApprovalFloor(admin.actor, { scope: 'tool', tool: tool.name, minApprovals: null });
    expect(await db().approvalFloor.count({ where: { toolId: tool.id } })).toBe(0);
  });

  test('an admin changes a level floor; owners of that level are held to it; back to the default', async () => {
    const admin = await createTestUser(['admin']);
    const owner = await createTestUser(['owner']);
    const agent = await createTestAgent({ owner });
    const tool = await createTestTool({ actionLevel: 'classify' });
    const grant = await grantTool(SETUP, { agent: { id: agent.id }, tool: tool.name, rules: { approvals: 0 } });
    try {
      await setApprovalFloor(admin.actor, { scope: 'level', actionLevel: 'classify', minApprovals: 2 });
      const listed = await listApprovalFloors(admin.actor);
      expect(listed.levels.find((row) => row.level === 'classify')).toEqual({
        level: 'classify',
        minApprovals: 2,
        isDefault: false,
        defaultMin: 0,
      });
      expect(
        listed.belowFloor.filter((row) => row.grantId === grant.id),
        'the existing grant is named as below its floor',
      ).toEqual([
        { grantId: grant.id, agent: { id: agent.id, name: agent.name }, tool: tool.name, approvals: 0, floor: 2 },
      ]);
      expect((await listApprovalFloors(owner.actor)).belowFloor, 'only admins get the list').toEqual([]);
      await expect(
        updateGrant(owner.actor, { grantId: grant.id, expectedVersion: 1, rules: { approvals: 1 } }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        message: 'classify tools need at least 2 approvals (admin floor).',
      });
    } finally {
      await setApprovalFloor(admin.actor, { scope: 'level', actionLevel: 'classify', minApprovals: null });
    }
    expect(await updateGrant(owner.actor, { grantId: grant.id, expectedVersion: 1, rules: { approvals: 1 } })).toEqual({
      grantId: grant.id,
      version: 2,
    });
    const events = await db().auditEvent.findMany({
      where: { type: 'floor.set', actorId: admin.id },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([
      { scope: 'classify tools', before: 0, after: 2 },
      { scope: 'classify tools', before: 2, after: 0 },
    ]);
  });
});

test.describe('a loosening is never silent', () => {
  test("an owner's loosening is held: the grant keeps its version until an admin approves; then the new version is active", async ({
    baseURL,
  }) => {
    const { owner, admin, agent, tool, grant, key } = await seedExternalRefundAgent({ approvals: 2 });
    const client = agentClient(baseURL!, key);

    await expect(
      updateGrant(owner.actor, { grantId: grant.id, expectedVersion: 1, rules: { approvals: 1 } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'This change loosens the grant: approvals required 2 → 1. Confirm to send it to an admin for approval.',
      details: { loosened: ['approvals required 2 → 1'] },
    });
    const held = await updateGrant(owner.actor, {
      grantId: grant.id,
      expectedVersion: 1,
      rules: { approvals: 1 },
      confirmLoosening: true,
    });
    expect(held).toMatchObject({ grantId: grant.id, version: 1, held: { loosened: ['approvals required 2 → 1'] } });
    expect(await grantRow(grant.id)).toMatchObject({ version: 1, approvals: 2 });
    const waiting = await client.propose({ tool: tool.name, params: MILLION_GBP });
    expect((await client.getAction(waiting.body.id)).body).toMatchObject({
      status: 'pending_review',
      approvalsRequired: 2,
    });
    expect(await listHeldGrantChanges(owner.actor, { grantId: grant.id })).toMatchObject([
      { id: held.held!.changeRequestId, stale: false, requestedBy: owner.name },
    ]);

    await expect(
      approveGrantChange(owner.actor, { changeRequestId: held.held!.changeRequestId }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await approveGrantChange(admin.actor, { changeRequestId: held.held!.changeRequestId })).toEqual({
      version: 2,
    });
    expect(await grantRow(grant.id)).toMatchObject({ version: 2, approvals: 1 });
    const after = await client.propose({ tool: tool.name, params: MILLION_GBP });
    expect((await client.getAction(after.body.id)).body).toMatchObject({
      status: 'pending_review',
      approvalsRequired: 1,
    });
    await expect(
      approveGrantChange(admin.actor, { changeRequestId: held.held!.changeRequestId }),
    ).rejects.toMatchObject({ code: 'conflict', message: 'This held change is already approved.' });

    const events = await grantTypes(agent.id);
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ['grant.created', 'test'],
      ['grant.change_held', owner.id],
      ['grant.updated', admin.id],
      ['grant.change_approved', admin.id],
    ]);
    expect(events[1].payload).toMatchObject({
      tool: tool.name,
      baseVersion: 1,
      loosened: ['approvals required 2 → 1'],
      before: { approvals: 2 },
      after: { approvals: 1 },
    });
    expect(events[2].payload).toMatchObject({
      version: 2,
      loosened: ['approvals required 2 → 1'],
      changeRequestId: held.held!.changeRequestId,
    });
    expect(events[3].payload).toMatchObject({ version: 2, requestedBy: owner.email });
  });

  test('an admin rejects a held change: the grant stays, audited; tightening applies at once', async () => {
    const { owner, admin, agent, grant } = await seedExternalRefundAgent({ approvals: 1, maxPending: 5 });
    const held = await updateGrant(owner.actor, {
      grantId: grant.id,
      expectedVersion: 1,
      rules: { approvals: 1, maxPending: null },
      confirmLoosening: true,
    });
    expect(held.held?.loosened).toEqual(['pending cap 5 → none']);
    await rejectGrantChange(admin.actor, {
      changeRequestId: held.held!.changeRequestId,
      note: 'keep the cap',
    });
    expect(await grantChangeRequests(grant.id)).toMatchObject([
      { status: 'rejected', note: 'keep the cap', decidedById: admin.id },
    ]);
    expect(await grantRow(grant.id)).toMatchObject({ version: 1, maxPending: 5 });

    expect(
      await updateGrant(owner.actor, {
        grantId: grant.id,
        expectedVersion: 1,
        rules: { approvals: 2, maxPending: 3 },
      }),
    ).toEqual({ grantId: grant.id, version: 2 });
    expect((await grantTypes(agent.id)).map((e) => e.type)).toEqual([
      'grant.created',
      'grant.change_held',
      'grant.change_rejected',
      'grant.updated',
    ]);
  });

  test('a held change is stale once the grant moved: approving it is refused and marks it stale, audited', async () => {
    const { owner, admin, agent, grant } = await seedExternalRefundAgent({ approvals: 2 });
    const held = await updateGrant(owner.actor, {
      grantId: grant.id,
      expectedVersion: 1,
      rules: { approvals: 1 },
      confirmLoosening: true,
    });
    await updateGrant(owner.actor, {
      grantId: grant.id,
      expectedVersion: 1,
      rules: { approvals: 2, requireReason: true },
    });
    expect(await listHeldGrantChanges(admin.actor, { grantId: grant.id })).toMatchObject([{ stale: true }]);

    await expect(
      approveGrantChange(admin.actor, { changeRequestId: held.held!.changeRequestId }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message:
        'The grant changed since this was requested (now version 2); the held change is stale and was not applied.',
    });
    expect(await grantRow(grant.id)).toMatchObject({ version: 2, approvals: 2, requireReason: true });
    expect(await grantChangeRequests(grant.id)).toMatchObject([{ status: 'stale' }]);
    expect((await grantTypes(agent.id)).at(-1)).toMatchObject({
      type: 'grant.change_stale',
      actorId: admin.id,
      payload: { baseVersion: 1, version: 2 },
    });
  });

  test("an admin's own loosening needs the confirmation only, and records what it loosened", async () => {
    const { admin, agent, grant } = await seedExternalRefundAgent({ approvals: 2, requireReason: true });
    await expect(
      updateGrant(admin.actor, { grantId: grant.id, expectedVersion: 1, rules: { approvals: 1 } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message:
        'This change loosens the grant: approvals required 2 → 1; a reason is no longer required. Confirm to save it.',
    });
    expect(
      await updateGrant(admin.actor, {
        grantId: grant.id,
        expectedVersion: 1,
        rules: { approvals: 1 },
        confirmLoosening: true,
      }),
    ).toEqual({ grantId: grant.id, version: 2 });
    expect((await grantTypes(agent.id)).at(-1)).toMatchObject({
      type: 'grant.updated',
      actorId: admin.id,
      payload: { version: 2, loosened: ['approvals required 2 → 1', 'a reason is no longer required'] },
    });
  });
});
