import { test, expect } from '../fixtures/test';
import { agentClient, type AgentClient } from '../fixtures/agent-client';
import { auditEventsOfAction, auditTypesOfAction } from '../fixtures/audit';
import { createTestUser, SETUP, uniqueName } from '../fixtures/factories';
import { REFUND_TOOL_SCHEMA } from '../fixtures/gate-factories';
import { appModule } from '../fixtures/app-module';
import type { GrantRulesInput } from '@/lib/grants/schemas';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { editAndApproveAction } = appModule<typeof import('@/lib/actions/edit-and-approve-action')>(
  '@/lib/actions/edit-and-approve-action',
);
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { createAgent } = appModule<typeof import('@/lib/agents/create-agent')>('@/lib/agents/create-agent');
const { createAgentKey } = appModule<typeof import('@/lib/agents/create-agent-key')>('@/lib/agents/create-agent-key');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');
const { createTool } = appModule<typeof import('@/lib/tools/create-tool')>('@/lib/tools/create-tool');

const MASK = '••••••';

/** A refund tool whose `recipient` is sensitive, granted with `rules`; the agent proposes `params` and it waits for review. */
async function pendingRefund(
  baseURL: string,
  rules: Partial<GrantRulesInput> = {},
  params: Record<string, unknown> = { orderId: 'ORD-7', amount: 80, currency: 'EUR', recipient: 'DE89 3704 0044' },
) {
  const owner = await createTestUser(['owner'], 'Edit Owner');
  const agent = await createAgent(SETUP, {
    name: uniqueName('agent'),
    purpose: 'edit-and-approve spec',
    ownerId: owner.id,
    mode: 'live',
  });
  const tool = await createTool(SETUP, {
    name: uniqueName('refund').replaceAll('-', '_'),
    description: 'refunds an order (edit-and-approve spec)',
    actionLevel: 'update',
    parameters: { ...REFUND_TOOL_SCHEMA },
    sensitiveFields: ['recipient'],
  });
  await grantTool(SETUP, { agent: { id: agent.id }, tool: tool.name, rules: { approvals: 1, ...rules } });
  const { key } = await createAgentKey(SETUP, { id: agent.id });
  const client = agentClient(baseURL, key);
  const reply = await client.propose({ tool: tool.name, params, reason: 'customer asked' });
  expect(reply.body.status, JSON.stringify(reply.body)).toBe('pending_review');
  const { body: view } = await client.getAction(reply.body.id);
  return { owner, agent, tool, client, id: reply.body.id as string, originalHash: view.paramsHash as string };
}

const claimWithHash = (client: AgentClient, id: string, paramsHash: string) =>
  client.request('POST', `/api/v1/actions/${encodeURIComponent(id)}/claim`, JSON.stringify({ paramsHash }), {
    'content-type': 'application/json',
  });

const actionRow = (id: string) => db().action.findUniqueOrThrow({ where: { id } });

test.describe('edit and approve', () => {
  test('the agent claims the edited params, bound to their hash; the original hash no longer claims', async ({
    baseURL,
  }) => {
    const { client, id, originalHash } = await pendingRefund(baseURL!);
    const ann = await createTestUser(['reviewer'], 'Ann Reviewer');

    const outcome = await editAndApproveAction(ann.actor, {
      actionId: id,
      version: 1,
      comment: 'half is enough',
      params: { orderId: 'ORD-7', amount: 40, currency: 'EUR', recipient: 'DE89 3704 0044' },
    });
    expect(outcome).toMatchObject({ status: 'approved', edited: true, paramsVersion: 2 });
    expect(outcome.paramsHash).not.toBe(originalHash);

    const { body: view } = await client.getAction(id);
    expect(view).toMatchObject({
      status: 'approved',
      params: { orderId: 'ORD-7', amount: 40 },
      paramsVersion: 2,
      edited: true,
      paramsHash: outcome.paramsHash,
      originalParams: { orderId: 'ORD-7', amount: 80 },
      decision: { reason: 'half is enough', decidedBy: ann.name },
    });

    const stale = await claimWithHash(client, id, originalHash);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', status: 'approved', reason: 'params_mismatch' });
    expect((await actionRow(id)).status).toBe('approved');

    const claimed = await claimWithHash(client, id, view.paramsHash);
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect(claimed.body).toMatchObject({
      status: 'executing',
      params: { amount: 40 },
      edited: true,
      paramsVersion: 2,
      paramsHash: outcome.paramsHash,
    });
    expect(claimed.body.originalParams.amount).toBe(80);

    const row = await actionRow(id);
    expect(JSON.parse(row.params).amount, 'the submitted params never change').toBe(80);
    expect(row.approvedParamsHash).toBe(outcome.paramsHash);
    expect(await auditTypesOfAction(id)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.params_edited',
      'action.approved',
      'action.claimed',
    ]);
  });

  test('the audit records the diff, sensitive fields masked, never in clear', async ({ baseURL }) => {
    const { id } = await pendingRefund(baseURL!);
    const ann = await createTestUser(['reviewer'], 'Ann Reviewer');
    await editAndApproveAction(ann.actor, {
      actionId: id,
      version: 1,
      params: { orderId: 'ORD-7', amount: 80, currency: 'EUR', recipient: 'FR76 3000 6000' },
      comment: 'wrong account',
    });
    const edited = (await auditEventsOfAction(id)).find((event) => event.type === 'action.params_edited');
    expect(edited).toMatchObject({
      actorType: 'user',
      actorId: ann.id,
      payload: { version: 2, comment: 'wrong account', changes: [{ path: 'recipient', before: MASK, after: MASK }] },
    });
    const stored = await db().auditEvent.findMany({ where: { actionId: id } });
    for (const event of stored) expect(event.payload).not.toMatch(/DE89|FR76/);
  });

  test('same params as the current version: a plain approval, no new version', async ({ baseURL }) => {
    const { client, id, originalHash } = await pendingRefund(baseURL!);
    const ann = await createTestUser(['reviewer'], 'Ann Reviewer');
    const outcome = await editAndApproveAction(ann.actor, {
      actionId: id,
      version: 1,
      params: { recipient: 'DE89 3704 0044', currency: 'EUR', amount: 80, orderId: 'ORD-7' },
    });
    expect(outcome).toMatchObject({ status: 'approved', edited: false, paramsVersion: 1, paramsHash: originalHash });
    expect(await auditTypesOfAction(id)).toEqual(['action.proposed', 'gate.decided', 'action.approved']);
    expect((await client.getAction(id)).body).toMatchObject({ edited: false, paramsVersion: 1 });
    expect((await client.getAction(id)).body.originalParams).toBeUndefined();
    expect((await claimWithHash(client, id, originalHash)).status).toBe(200);
  });

  test('a blocking constraint refuses the edit with 422 naming the field, changing nothing; a review constraint does not', async ({
    baseURL,
  }) => {
    const { id } = await pendingRefund(baseURL!, {
      constraints: [
        { param: 'amount', kind: 'range', max: 100, effect: 'block' },
        { param: 'currency', kind: 'allowed_values', values: ['EUR'], effect: 'review' },
      ],
    });
    const ann = await createTestUser(['reviewer'], 'Ann Reviewer');
    const before = await actionRow(id);

    const refused = editAndApproveAction(ann.actor, {
      actionId: id,
      version: 1,
      params: { orderId: 'ORD-7', amount: 150, currency: 'EUR' },
    });
    await expect(refused).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'params.amount', message: expect.stringContaining('150 > 100') }] },
    });
    expect(await actionRow(id)).toEqual(before);
    expect(await auditTypesOfAction(id)).toEqual(['action.proposed', 'gate.decided']);

    const allowed = await editAndApproveAction(ann.actor, {
      actionId: id,
      version: 1,
      params: { orderId: 'ORD-7', amount: 90, currency: 'USD' },
    });
    expect(allowed).toMatchObject({ status: 'approved', edited: true });
  });

  test("params that break the tool's schema: 422 naming each field, nothing changed", async ({ baseURL }) => {
    const { id } = await pendingRefund(baseURL!);
    const ann = await createTestUser(['reviewer'], 'Ann Reviewer');
    const before = await actionRow(id);
    const refused = editAndApproveAction(ann.actor, {
      actionId: id,
      version: 1,
      params: { orderId: '', amount: -5, note: 'x' },
    });
    await expect(refused).rejects.toMatchObject({ code: 'invalid_input', status: 422 });
    const paths = (
      (await refused.catch((e: { details: { issues: { path: string }[] } }) => e)) as {
        details: { issues: { path: string }[] };
      }
    ).details.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['params.orderId', 'params.amount', 'params.note']));
    expect(await actionRow(id)).toEqual(before);
    expect(await db().actionApproval.count({ where: { actionId: id } })).toBe(0);
  });

  test('an edit of a version someone else replaced is a conflict naming the current version', async ({ baseURL }) => {
    const { id } = await pendingRefund(baseURL!, { approvals: 2 });
    const [ann, bob] = await Promise.all([
      createTestUser(['reviewer'], 'Ann Reviewer'),
      createTestUser(['reviewer'], 'Bob Reviewer'),
    ]);
    await editAndApproveAction(ann.actor, { actionId: id, version: 1, params: { orderId: 'ORD-7', amount: 60 } });
    const before = await actionRow(id);

    const stale = editAndApproveAction(bob.actor, {
      actionId: id,
      version: 1,
      params: { orderId: 'ORD-7', amount: 70 },
    });
    await expect(stale).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('version 2 is current'),
      details: { currentVersion: 2 },
    });
    expect(await actionRow(id)).toEqual(before);
  });

  test('of two edits of the same version sent at once, exactly one lands; the other is told the current version', async ({
    baseURL,
  }) => {
    const { id } = await pendingRefund(baseURL!, { approvals: 2 });
    const [ann, bob] = await Promise.all([
      createTestUser(['reviewer'], 'Ann Reviewer'),
      createTestUser(['reviewer'], 'Bob Reviewer'),
    ]);
    const outcomes = await Promise.allSettled([
      editAndApproveAction(ann.actor, { actionId: id, version: 1, params: { orderId: 'ORD-7', amount: 60 } }),
      editAndApproveAction(bob.actor, { actionId: id, version: 1, params: { orderId: 'ORD-7', amount: 70 } }),
    ]);
    const won = outcomes.findIndex((o) => o.status === 'fulfilled');
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes[1 - won] as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
    const row = await actionRow(id);
    expect(row).toMatchObject({ paramsVersion: 2, status: 'pending_review' });
    expect(JSON.parse(row.editedParams!).amount).toBe(won === 0 ? 60 : 70);
    expect((await db().actionApproval.findMany({ where: { actionId: id } })).map((a) => a.reviewerId)).toEqual([
      won === 0 ? ann.id : bob.id,
    ]);
    expect((await auditTypesOfAction(id)).filter((t) => t === 'action.params_edited')).toHaveLength(1);
  });

  test('an edit voids the approvals given to the earlier version; the quorum counts again', async ({ baseURL }) => {
    const { client, id } = await pendingRefund(baseURL!, { approvals: 2 });
    const [ann, bob] = await Promise.all([
      createTestUser(['reviewer'], 'Ann Reviewer'),
      createTestUser(['reviewer'], 'Bob Reviewer'),
    ]);
    expect(await approveAction(ann.actor, { actionId: id })).toMatchObject({
      status: 'pending_review',
      approvals: 1,
    });

    const outcome = await editAndApproveAction(bob.actor, {
      actionId: id,
      version: 1,
      params: { orderId: 'ORD-7', amount: 50, currency: 'EUR', recipient: 'DE89 3704 0044' },
    });
    expect(outcome).toMatchObject({
      status: 'pending_review',
      approvals: 1,
      required: 2,
      edited: true,
      paramsVersion: 2,
    });
    const approvals = await db().actionApproval.findMany({ where: { actionId: id } });
    expect(approvals.map((a) => a.reviewerId)).toEqual([bob.id]);
    const events = await auditEventsOfAction(id);
    expect(events.map((e) => e.type)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.approval_recorded',
      'action.approvals_reset',
      'action.params_edited',
      'action.approval_recorded',
    ]);
    expect(events[3]).toMatchObject({
      actorId: bob.id,
      payload: { count: 1, reason: 'parameters edited to version 2' },
    });
    expect((await client.claim(id)).body.error.status).toBe('pending_review');

    // Ann approved other parameters: she may approve these, and that completes the quorum.
    expect(await approveAction(ann.actor, { actionId: id })).toMatchObject({ status: 'approved', approvals: 2 });
    const { body: view } = await client.getAction(id);
    const claimed = await claimWithHash(client, id, view.paramsHash);
    expect(claimed.status).toBe(200);
    expect(claimed.body.params).toEqual({ orderId: 'ORD-7', amount: 50, currency: 'EUR', recipient: 'DE89 3704 0044' });
  });

  test('refused without changing anything: the agent owner, a viewer, a decided action', async ({ baseURL }) => {
    const { owner, id } = await pendingRefund(baseURL!);
    const viewer = await createTestUser(['viewer'], 'Vic Viewer');
    const ann = await createTestUser(['reviewer'], 'Ann Reviewer');
    const params = { orderId: 'ORD-7', amount: 10 };
    const ownerAsReviewer = { ...owner.actor, roles: ['owner' as const, 'reviewer' as const] };

    await expect(editAndApproveAction(ownerAsReviewer, { actionId: id, version: 1, params })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(editAndApproveAction(viewer.actor, { actionId: id, version: 1, params })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await actionRow(id)).toMatchObject({ status: 'pending_review', paramsVersion: 1, editedParams: null });
    expect(await auditTypesOfAction(id)).toEqual(['action.proposed', 'gate.decided']);

    await rejectAction(ann.actor, { actionId: id, comment: 'no' });
    await expect(editAndApproveAction(ann.actor, { actionId: id, version: 1, params })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'rejected' },
    });
  });
});
