import { test, expect } from '../fixtures/test';
import { agentClient, type AgentClient } from '../fixtures/agent-client';
import { auditTypesOfAction } from '../fixtures/audit';
import { createTestUser, SETUP, uniqueName } from '../fixtures/factories';
import { REFUND_TOOL_SCHEMA } from '../fixtures/gate-factories';
import { appModule } from '../fixtures/app-module';
import type { GrantRulesInput } from '@/lib/grants/schemas';

const { editAndApproveAction } = appModule<typeof import('@/lib/actions/edit-and-approve-action')>(
  '@/lib/actions/edit-and-approve-action',
);
const { createAgent } = appModule<typeof import('@/lib/agents/create-agent')>('@/lib/agents/create-agent');
const { createAgentKey } = appModule<typeof import('@/lib/agents/create-agent-key')>('@/lib/agents/create-agent-key');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');
const { createTool } = appModule<typeof import('@/lib/tools/create-tool')>('@/lib/tools/create-tool');

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

// The edit rules (versions, voided approvals, schema and constraints, concurrent edits, who may edit) are proven on both
// databases by lib/actions/edit-and-approve-action.test.ts; these prove what the agent sees and claims over HTTP.
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
});
