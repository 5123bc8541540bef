import { randomUUID } from 'node:crypto';
import { test, expect } from '../fixtures/test';
import { auditEventsOfAgent } from '../fixtures/audit';
import { SETUP } from '../fixtures/factories';
import { countActionsOfAgent, proposeWithKey, refund, seedGrantedAgent } from '../fixtures/gate-factories';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { updateGrant } = appModule<typeof import('@/lib/grants/update-grant')>('@/lib/grants/update-grant');

// lib/http/idempotency.ts: the same key and body replay the first response; the same key with another body → 422;
// the same key while the first request still runs → 409; 409, 429 and 5xx answers are not kept.
const idempotencyKey = () => `idem-${randomUUID()}`;

test.describe('Idempotency-Key on POST /api/v1/actions', () => {
  test('the same key and body replay the first response (same id, Idempotent-Replayed) and create one action', async ({
    baseURL,
  }) => {
    const { agent, tool, key } = await seedGrantedAgent({ approvals: 1 });
    const idem = idempotencyKey();
    const body = { tool: tool.name, params: refund(20), reason: 'duplicate charge' };

    const first = await proposeWithKey(baseURL!, key, idem, body);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await proposeWithKey(baseURL!, key, idem, body);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    expect(await countActionsOfAgent(agent.id)).toBe(1);
    expect((await auditEventsOfAgent(agent.id)).filter((e) => e.type === 'action.proposed')).toHaveLength(1);
  });

  test('the same body with its keys in another order is the same request', async ({ baseURL }) => {
    const { agent, tool, key } = await seedGrantedAgent();
    const idem = idempotencyKey();
    const first = await proposeWithKey(
      baseURL!,
      key,
      idem,
      `{"tool":"${tool.name}","params":{"orderId":"ORD-1","amount":5}}`,
    );
    const reordered = await proposeWithKey(
      baseURL!,
      key,
      idem,
      `{ "params": { "amount": 5, "orderId": "ORD-1" }, "tool": "${tool.name}" }`,
    );
    expect(first.status).toBe(201);
    expect(reordered.status).toBe(201);
    expect(reordered.body.id).toBe(first.body.id);
    expect(reordered.headers.get('idempotent-replayed')).toBe('true');
    expect(await countActionsOfAgent(agent.id)).toBe(1);
  });

  test('the same key with another body gets 422 naming the key, and runs nothing', async ({ baseURL }) => {
    const { agent, tool, key } = await seedGrantedAgent();
    const idem = idempotencyKey();
    expect((await proposeWithKey(baseURL!, key, idem, { tool: tool.name, params: refund(20) })).status).toBe(201);

    const other = await proposeWithKey(baseURL!, key, idem, { tool: tool.name, params: refund(21) });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'Idempotency-Key', message: 'reused with another body' }],
    });
    expect(await countActionsOfAgent(agent.id)).toBe(1);
  });

  test('16 identical requests at once create exactly one action; each answer is that 201 or a 409', async ({
    baseURL,
  }) => {
    const { agent, tool, key } = await seedGrantedAgent();
    const idem = idempotencyKey();
    const body = { tool: tool.name, params: refund(20) };

    const replies = await Promise.all(Array.from({ length: 16 }, () => proposeWithKey(baseURL!, key, idem, body)));
    const statuses = replies.map((reply) => reply.status);
    expect(
      statuses.every((status) => status === 201 || status === 409),
      statuses.join(','),
    ).toBe(true);
    const created = replies.filter((reply) => reply.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((reply) => reply.body.id)).size).toBe(1);
    expect(
      created.filter((reply) => reply.headers.get('idempotent-replayed') === null),
      'exactly one answer is not a replay',
    ).toHaveLength(1);
    for (const conflict of replies.filter((reply) => reply.status === 409))
      expect(conflict.body.error.code).toBe('conflict');
    expect(await countActionsOfAgent(agent.id)).toBe(1);

    // Whatever raced, the key now answers with the one action.
    const after = await proposeWithKey(baseURL!, key, idem, body);
    expect(after.status).toBe(201);
    expect(after.body.id).toBe(created[0].body.id);
  });

  test('a key used by another agent is independent', async ({ baseURL }) => {
    const first = await seedGrantedAgent();
    const second = await seedGrantedAgent();
    const idem = idempotencyKey();

    const a = await proposeWithKey(baseURL!, first.key, idem, { tool: first.tool.name, params: refund(20) });
    const b = await proposeWithKey(baseURL!, second.key, idem, { tool: second.tool.name, params: refund(20) });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(await countActionsOfAgent(first.agent.id)).toBe(1);
    expect(await countActionsOfAgent(second.agent.id)).toBe(1);
  });

  test('a 422 answer is kept and replayed: the invalid request does not run twice', async ({ baseURL }) => {
    const { agent, tool, key } = await seedGrantedAgent();
    const idem = idempotencyKey();
    const invalid = { tool: tool.name, params: { orderId: '', amount: -1 } };

    const first = await proposeWithKey(baseURL!, key, idem, invalid);
    expect(first.status).toBe(422);
    expect(first.body.error.code).toBe('invalid_input');
    const again = await proposeWithKey(baseURL!, key, idem, invalid);
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await auditEventsOfAgent(agent.id)).filter((e) => e.type === 'action.params_invalid')).toHaveLength(1);
    expect(await countActionsOfAgent(agent.id)).toBe(0);
  });

  test('a 429 answer is not kept: a retry with the same key really retries', async ({ baseURL }) => {
    const { agent, tool, key, grant } = await seedGrantedAgent({ rateLimit: { count: 1, windowSeconds: 3600 } });
    expect(
      (await proposeWithKey(baseURL!, key, idempotencyKey(), { tool: tool.name, params: refund(10) })).status,
    ).toBe(201);
    const idem = idempotencyKey();
    const body = { tool: tool.name, params: refund(11) };

    const throttled = await proposeWithKey(baseURL!, key, idem, body);
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.code).toBe('rate_limited');
    const retry = await proposeWithKey(baseURL!, key, idem, body);
    expect(retry.status).toBe(429);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(
      (await auditEventsOfAgent(agent.id)).filter((e) => e.type === 'gate.throttled'),
      'the gate ran both times',
    ).toHaveLength(2);

    // Once the limit allows it (raised here rather than waited out), the same key goes through.
    await updateGrant(SETUP, {
      grantId: grant.id,
      expectedVersion: 1,
      rules: { approvals: 0, rateLimit: { count: 5, windowSeconds: 3600 } },
    });
    const passed = await proposeWithKey(baseURL!, key, idem, body);
    expect(passed.status).toBe(201);
    expect(passed.headers.get('idempotent-replayed')).toBeNull();
    expect(await countActionsOfAgent(agent.id)).toBe(2);
  });

  test('a key whose first request never recorded its outcome stays refused, and after five minutes the 409 says why', async ({
    baseURL,
  }) => {
    const { agent, tool, key } = await seedGrantedAgent();
    const idem = idempotencyKey();
    const body = { tool: tool.name, params: refund(20) };
    expect((await proposeWithKey(baseURL!, key, idem, body)).status).toBe(201);
    // As if the server had failed between the gate's commit and recording the answer: the claim is left "running".
    const records = db().idempotencyRecord;
    const lose = (createdAt: Date) =>
      records.update({
        where: { agentId_key: { agentId: agent.id, key: idem } },
        data: { state: 'running', statusCode: null, responseBody: null, createdAt },
      });

    await lose(new Date());
    const running = await proposeWithKey(baseURL!, key, idem, body);
    expect(running.status).toBe(409);
    expect(running.body.error.message).toBe('A request with this Idempotency-Key is still being processed.');

    const began = new Date(Date.now() - 6 * 60_000);
    await lose(began);
    const lost = await proposeWithKey(baseURL!, key, idem, body);
    expect(lost.status).toBe(409);
    expect(lost.body.error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`began at ${began.toISOString()} and its outcome was never recorded`),
    });
    expect(await countActionsOfAgent(agent.id)).toBe(1); // nothing ran twice
  });

  test('a malformed key gets 422 and nothing runs', async ({ baseURL }) => {
    const { agent, tool, key } = await seedGrantedAgent();
    for (const bad of ['x'.repeat(256), 'has space', 'non-ascii-é']) {
      const reply = await proposeWithKey(baseURL!, key, bad, { tool: tool.name, params: refund(20) });
      expect(reply.status, bad).toBe(422);
      expect(reply.body.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'Idempotency-Key' }] });
    }
    expect(await countActionsOfAgent(agent.id)).toBe(0);
  });
});
