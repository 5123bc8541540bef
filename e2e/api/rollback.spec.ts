import { createWardenClient } from '../../sdk/src/index';
import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { auditEventsOfAction, auditEventsOfAgent } from '../fixtures/audit';
import { createTestTool, createTestUser, grantTestTool, SETUP } from '../fixtures/factories';
import { seedRefundPair } from '../fixtures/rollback-factories';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { updateGrant } = appModule<typeof import('@/lib/grants/update-grant')>('@/lib/grants/update-grant');
const { getActionRollback } = appModule<typeof import('@/lib/rollback/get-action-rollback')>(
  '@/lib/rollback/get-action-rollback',
);
const { previewGrantRestore } = appModule<typeof import('@/lib/rollback/preview-grant-restore')>(
  '@/lib/rollback/preview-grant-restore',
);
const { recordManualRollback } = appModule<typeof import('@/lib/rollback/record-manual-rollback')>(
  '@/lib/rollback/record-manual-rollback',
);
const { requestRollback } = appModule<typeof import('@/lib/rollback/request-rollback')>(
  '@/lib/rollback/request-rollback',
);
const { restoreGrants } = appModule<typeof import('@/lib/rollback/restore-grants')>('@/lib/rollback/restore-grants');
const { updateTool } = appModule<typeof import('@/lib/tools/update-tool')>('@/lib/tools/update-tool');

/** An executed refund: proposed, claimed and reported with the refund id the compensation needs. */
async function executedRefund(baseURL: string, key: string, tool: string, output: unknown = { refundId: 'RF-77' }) {
  const agent = agentClient(baseURL, key);
  const proposed = await agent.propose({
    tool,
    params: { orderId: 'ORD-1042', amount: 25 },
    reason: 'duplicate charge',
  });
  expect(proposed.body.status).toBe('approved');
  const id = proposed.body.id as string;
  expect((await agent.claim(id)).status).toBe(200);
  expect((await agent.reportResult(id, { ok: true, output })).status).toBe(200);
  return { agent, id };
}

async function rollbackOfIdInDatabase(id: string) {
  return (await db().action.findUniqueOrThrow({ where: { id }, select: { rollbackOfId: true } })).rollbackOfId;
}

test.describe('rollback of an executed action', () => {
  test('a compensating proposal with mapped params, reviewed, run by the agent through the SDK; the original shows it rolled back', async ({
    baseURL,
  }) => {
    const { issue, cancel, key } = await seedRefundPair();
    const { agent, id: original } = await executedRefund(baseURL!, key, issue.name);
    const admin = await createTestUser(['admin'], 'Ada Admin');
    const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');

    const requested = await requestRollback(admin.actor, { actionId: original, note: 'customer kept the goods' });
    // The agent's grant lets refund.cancel run unreviewed; a rollback above read level is reviewed anyway.
    expect(requested).toMatchObject({ status: 'pending_review', params: { refundId: 'RF-77', orderId: 'ORD-1042' } });
    expect(await rollbackOfIdInDatabase(requested.id)).toBe(original);
    expect(await rollbackOfIdInDatabase(original)).toBeNull();
    expect((await auditEventsOfAction(original)).map((e) => e.type)).toContain('rollback.requested');

    const view = await agent.getAction(requested.id);
    expect(view.body).toMatchObject({
      tool: cancel.name,
      status: 'pending_review',
      rollbackOf: original,
      params: { refundId: 'RF-77', orderId: 'ORD-1042' },
    });
    expect((await agent.getAction(original)).body.rollbackOf).toBeNull();
    expect((await agent.request('GET', '/api/v1/rollbacks?status=approved')).body).toEqual({ actions: [] });
    expect((await agent.request('GET', '/api/v1/rollbacks?status=nope')).status).toBe(422);

    // Linked both ways: the original's page lists the attempt; a second request is refused while it is pending.
    expect(await getActionRollback(admin.actor, original)).toMatchObject({
      summary: 'in_progress',
      attempts: [{ id: requested.id, status: 'pending_review', requestedBy: 'Ada Admin' }],
    });
    await expect(requestRollback(admin.actor, { actionId: original })).rejects.toMatchObject({
      code: 'conflict',
    });

    await approveAction(reviewer.actor, { actionId: requested.id });
    const listed = await agent.request('GET', '/api/v1/rollbacks?status=approved');
    expect(listed.body.actions).toEqual([
      expect.objectContaining({ id: requested.id, rollbackOf: original, status: 'approved' }),
    ]);
    // The same list on the actions endpoint, as the issue names it; another kind is refused naming the field.
    expect((await agent.request('GET', '/api/v1/actions?kind=rollback&status=approved')).body).toEqual(listed.body);
    expect((await agent.request('GET', '/api/v1/actions?kind=other&status=approved')).status).toBe(422);

    const sdk = createWardenClient({ baseUrl: baseURL!, apiKey: key });
    const cancelled: unknown[] = [];
    const ran = await sdk.runPendingRollbacks({
      [cancel.name]: async (params) => {
        cancelled.push(params);
        return { cancelled: true };
      },
    });
    expect(ran).toEqual({ succeeded: [requested.id], failed: [], skipped: [] });
    expect(cancelled).toEqual([{ refundId: 'RF-77', orderId: 'ORD-1042' }]);
    expect((await agent.getAction(requested.id)).body).toMatchObject({ status: 'succeeded', rollbackOf: original });

    expect(await getActionRollback(admin.actor, original)).toMatchObject({
      summary: 'rolled_back',
      attempts: [{ id: requested.id, status: 'succeeded' }],
    });
    await expect(requestRollback(admin.actor, { actionId: original })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  test('a failed compensation is flagged on the original and may be retried', async ({ baseURL }) => {
    const { issue, cancel, key } = await seedRefundPair();
    await executedRefund(baseURL!, key, issue.name);
    const { id: original } = await executedRefund(baseURL!, key, issue.name);
    const admin = await createTestUser(['admin']);
    const first = await requestRollback(admin.actor, { actionId: original });
    await approveAction(admin.actor, { actionId: first.id });
    const sdk = createWardenClient({ baseUrl: baseURL!, apiKey: key });
    const ran = await sdk.runPendingRollbacks({
      [cancel.name]: async () => {
        throw new Error('payment provider refused: refund already settled');
      },
    });
    expect(ran.failed).toEqual([first.id]);
    expect(await getActionRollback(admin.actor, original)).toMatchObject({ summary: 'failed' });

    const retry = await requestRollback(admin.actor, { actionId: original });
    expect(retry.id).not.toBe(first.id);
    expect(await getActionRollback(admin.actor, original)).toMatchObject({ summary: 'in_progress' });
  });

  test('a mapping that cannot be resolved is refused (422 naming the path) and nothing is proposed', async ({
    baseURL,
  }) => {
    const { issue, key } = await seedRefundPair({
      mapping: { refundId: '$.result.refund.id', orderId: '$.params.orderId' },
    });
    const { id: original } = await executedRefund(baseURL!, key, issue.name, { refundId: 'RF-1' });
    const admin = await createTestUser(['admin']);
    const refused = await requestRollback(admin.actor, { actionId: original }).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'invalid_input',
      details: {
        issues: [
          { path: 'rollbackMapping.refundId', message: '$.result.refund.id has no value in the original action' },
        ],
      },
    });
    expect(await db().action.count({ where: { rollbackOfId: original } })).toBe(0);
  });

  test('only an action that succeeded, only by an admin', async ({ baseURL }) => {
    const { issue, key } = await seedRefundPair();
    const agent = agentClient(baseURL!, key);
    const proposed = await agent.propose({ tool: issue.name, params: { orderId: 'ORD-2', amount: 5 } });
    const admin = await createTestUser(['admin']);
    const reviewer = await createTestUser(['reviewer']);
    await expect(requestRollback(admin.actor, { actionId: proposed.body.id })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'approved' },
    });
    const { id: executed } = await executedRefund(baseURL!, key, issue.name);
    await expect(requestRollback(reviewer.actor, { actionId: executed })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  test('a manual rollback is recorded once, with its note, and creates no action', async ({ baseURL }) => {
    const { issue, key } = await seedRefundPair();
    const { id } = await executedRefund(baseURL!, key, issue.name);
    const admin = await createTestUser(['admin'], 'Ada Admin');
    await recordManualRollback(admin.actor, { actionId: id, note: 'refunded back by phone' });
    expect(await getActionRollback(admin.actor, id)).toMatchObject({
      summary: 'rolled_back_manually',
      manual: { by: 'Ada Admin', note: 'refunded back by phone' },
      attempts: [],
    });
    await expect(recordManualRollback(admin.actor, { actionId: id, note: 'again' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await db().action.count({ where: { rollbackOfId: id } })).toBe(0);
  });
});

test.describe('declaring a rollback when a tool is saved', () => {
  test('a compensating tool that is missing, disabled or lacks a mapped parameter is refused naming the field', async () => {
    const { cancel, issue } = await seedRefundPair();
    const fields = (patch: Record<string, unknown>) => ({
      description: 'issues a refund',
      actionLevel: 'external' as const,
      parameters: { type: 'object', properties: { orderId: { type: 'string' } } },
      rollbackKind: 'compensating' as const,
      rollbackToolName: cancel.name,
      rollbackMapping: { refundId: '$.result.refundId' },
      ...patch,
    });
    const save = (patch: Record<string, unknown>) =>
      updateTool(SETUP, { toolId: issue.id, fields: fields(patch) }).catch((e: unknown) => e);

    expect(await save({ rollbackToolName: 'no.such_tool' })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'rollbackToolName', message: 'no tool named "no.such_tool"' }] },
    });
    expect(
      await save({ rollbackMapping: { refundId: '$.result.refundId', reason: '$.params.orderId' } }),
    ).toMatchObject({
      code: 'invalid_input',
      details: {
        issues: [{ path: 'rollbackMapping.reason', message: `"reason" is not a parameter of ${cancel.name}` }],
      },
    });
    expect(await save({ rollbackToolName: issue.name })).toMatchObject({
      details: { issues: [{ path: 'rollbackToolName', message: 'a tool cannot compensate itself' }] },
    });
    const badPath = await save({ rollbackMapping: { refundId: 'result.refundId' } });
    expect(String(badPath)).toContain('must start with $.params or $.result');
    const noTool = await save({ rollbackToolName: null });
    expect(String(noTool)).toContain('name the compensating tool');
    const noInstructions = await save({ rollbackKind: 'manual', rollbackInstructions: '' });
    expect(String(noInstructions)).toContain('a manual rollback needs instructions');

    await db().tool.update({ where: { id: cancel.id }, data: { enabled: false } });
    expect(await save({})).toMatchObject({
      details: { issues: [{ path: 'rollbackToolName', message: `tool "${cancel.name}" is disabled` }] },
    });
  });
});

test.describe("restoring an agent's grants as they were at a time", () => {
  test('shows the diff, applies the older rules as new versions, audited; grants made since are named, not touched', async () => {
    const { agent, issue, cancel } = await seedRefundPair();
    const admin = await createTestUser(['admin'], 'Ada Admin');
    const grantOf = (toolId: string) => db().grant.findFirstOrThrow({ where: { agentId: agent.id, toolId } });
    await updateGrant(admin.actor, {
      grantId: (await grantOf(issue.id)).id,
      expectedVersion: 1,
      rules: { approvals: 1 },
    });
    const asOf = new Date();
    await updateGrant(admin.actor, {
      grantId: (await grantOf(issue.id)).id,
      expectedVersion: 2,
      rules: { approvals: 0, maxPending: 3 },
      confirmLoosening: true,
    });
    const later = await createTestTool();
    await grantTestTool(agent, later, true);

    const preview = await previewGrantRestore(admin.actor, { agentId: agent.id, asOf });
    expect(preview.changes).toEqual([
      expect.objectContaining({
        tool: issue.name,
        version: 3,
        now: expect.objectContaining({ approvals: 0, maxPending: 3 }),
        then: expect.objectContaining({ approvals: 1, maxPending: null }),
      }),
    ]);
    expect(preview.skipped).toEqual([
      { tool: later.name, why: 'granted after that time: revoke it on its page if it should go' },
    ]);
    expect(preview.changes.map((c) => c.tool)).not.toContain(cancel.name);

    expect(await restoreGrants(admin.actor, { agentId: agent.id, asOf })).toMatchObject({
      restored: [issue.name],
    });
    expect(await grantOf(issue.id)).toMatchObject({ version: 4, approvals: 1, maxPending: null });
    expect(await grantOf(later.id)).toMatchObject({ version: 1 });
    const events = await auditEventsOfAgent(agent.id);
    expect(events.at(-2)).toMatchObject({ type: 'grant.updated', actorId: admin.id });
    expect(events.at(-1)).toMatchObject({
      type: 'grants.restored',
      actorId: admin.id,
      payload: { asOf: asOf.toISOString(), changed: [issue.name] },
    });

    // Nothing left to restore; a reviewer may not.
    expect((await previewGrantRestore(admin.actor, { agentId: agent.id, asOf })).changes).toEqual([]);
    const reviewer = await createTestUser(['reviewer']);
    await expect(previewGrantRestore(reviewer.actor, { agentId: agent.id, asOf })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
