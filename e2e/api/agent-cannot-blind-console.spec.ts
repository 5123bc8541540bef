// Issue 12, item 1 and 12a/12d: one agent key cannot flood the console or learn who the reviewers are.
import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser } from '../fixtures/factories';
import { countActionsOfAgent, refund, seedGrantedAgent } from '../fixtures/gate-factories';
import { appModule } from '../fixtures/app-module';
import { agentFootprint } from '../fuzz/agent-database';
import { seedPendingActions } from '../fuzz/pending-seed';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

test.describe('size and depth limits before parsing', () => {
  test('a 10 MB proposal is refused 413 naming the limit, and nothing is stored', async ({ baseURL }) => {
    const { agent, tool, key } = await seedGrantedAgent({ approvals: 1 });
    const before = await agentFootprint(agent.id);
    const reply = await agentClient(baseURL!, key).proposeRaw(
      JSON.stringify({ tool: tool.name, params: refund(5, 'x'.repeat(10 * 1024 * 1024)) }),
    );

    expect(reply.status).toBe(413);
    expect(reply.body.error).toEqual({
      code: 'payload_too_large',
      message: 'The request body is over the limit of 256 KiB (262144 bytes).',
      limitBytes: 262144,
    });
    expect(await agentFootprint(agent.id)).toEqual(before);
  });

  test('a proposal just under the limit is accepted (strings up to 100,000 characters each)', async ({ baseURL }) => {
    const { tool, key } = await seedGrantedAgent({ approvals: 1 });
    const long = 'x'.repeat(85_000);
    const reply = await agentClient(baseURL!, key).propose({
      tool: tool.name,
      params: refund(5, long, { currency: long, recipient: long }),
    });
    expect(reply.status).toBe(201);
  });

  test('100,000 levels of nesting are a 422 naming the field, not a 500', async ({ baseURL }) => {
    const { agent, tool, key } = await seedGrantedAgent({ approvals: 1 });
    const client = agentClient(baseURL!, key);
    const deep = await client.proposeRaw(
      `{"tool":"${tool.name}","params":{"orderId":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
    );
    expect(deep.status).toBe(422);
    expect(deep.body.error.issues).toEqual([
      { path: `params.orderId${'.0'.repeat(30)}`, message: 'nested deeper than 32 levels' },
    ]);

    const result = await client.reportRaw(
      '01900000-0000-7000-8000-000000000000',
      '{"ok":true,"output":' + '{"a":'.repeat(40_000) + '1' + '}'.repeat(40_000) + '}',
    );
    expect(result.status).toBe(422);
    expect(result.body.error.issues[0].message).toBe('nested deeper than 32 levels');
    expect(await countActionsOfAgent(agent.id)).toBe(0);
  });
});

test.describe('the default pending cap', () => {
  test('with 1,000 actions pending, the 1,001st that would queue is refused naming the cap; one that needs no review still runs', async ({
    baseURL,
  }) => {
    const { agent, tool, key } = await seedGrantedAgent({ approvals: 1 });
    await seedPendingActions(agent, tool, 999);
    const client = agentClient(baseURL!, key);

    const thousandth = await client.propose({ tool: tool.name, params: refund(5) });
    expect(thousandth.status).toBe(201);
    expect(thousandth.body.status).toBe('pending_review');

    const over = await client.propose({ tool: tool.name, params: refund(6) });
    expect(over.status).toBe(429);
    expect(over.body.error).toMatchObject({
      code: 'rate_limited',
      reasons: [
        'throttled: agent already has 1,000 actions pending review (cap 1000)',
        'review: grant requires approval',
      ],
    });
    expect(await countActionsOfAgent(agent.id)).toBe(1000);

    // An agent at the cap whose grant needs no review: its calls never join the queue, so the cap does not apply.
    const open = await seedGrantedAgent({ approvals: 0 });
    await seedPendingActions(open.agent, open.tool, 1000);
    const approved = await agentClient(baseURL!, open.key).propose({ tool: open.tool.name, params: refund(5) });
    expect(approved.status).toBe(201);
    expect(approved.body.status).toBe('approved');
  });

  test("a grant's own pending cap replaces the default, above or below it", async ({ baseURL }) => {
    const above = await seedGrantedAgent({ approvals: 1, maxPending: 1002 });
    await seedPendingActions(above.agent, above.tool, 1000);
    const client = agentClient(baseURL!, above.key);
    expect((await client.propose({ tool: above.tool.name, params: refund(1) })).body.status).toBe('pending_review');
    expect((await client.propose({ tool: above.tool.name, params: refund(2) })).body.status).toBe('pending_review');
    expect((await client.propose({ tool: above.tool.name, params: refund(3) })).status).toBe(429);
  });

  test('exact under concurrency: 995 pending and 12 simultaneous proposals queue exactly 5', async ({ baseURL }) => {
    const { agent, tool, key } = await seedGrantedAgent({ approvals: 1 });
    await seedPendingActions(agent, tool, 995);
    const client = agentClient(baseURL!, key);
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => client.propose({ tool: tool.name, params: refund(10 + i) })),
    );
    expect(replies.filter((r) => r.status === 201 && r.body.status === 'pending_review')).toHaveLength(5);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(7);
    expect(await db().action.count({ where: { agentId: agent.id, status: 'pending_review' } })).toBe(1000);
  });
});

test.describe('agents are not told reviewers’ e-mail addresses', () => {
  test('decidedBy names the reviewer by display name, in every agent answer', async ({ baseURL }) => {
    const { tool, key } = await seedGrantedAgent({ approvals: 1 });
    const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
    const client = agentClient(baseURL!, key);
    const { body: proposed } = await client.propose({ tool: tool.name, params: refund(5) });
    await approveAction(reviewer.actor, { actionId: proposed.id });

    const read = await client.getAction(proposed.id);
    const claimed = await client.claim(proposed.id);
    const reported = await client.reportResult(proposed.id, { ok: true });
    for (const reply of [read, claimed, reported]) {
      expect(reply.body.decision.decidedBy).toBe('Rita Reviewer');
      expect(JSON.stringify(reply.body)).not.toContain(reviewer.email);
      expect(JSON.stringify(reply.body)).not.toContain('@');
    }
  });
});
