import { test, expect } from '../fixtures/test';
import { appModule } from '../fixtures/app-module';
import { agentClient } from '../fixtures/agent-client';
import { actionStatusInDatabase, auditEventsOfAction, auditEventsOfAgent } from '../fixtures/audit';
import { createTestUser, SETUP } from '../fixtures/factories';
import { countActionsOfAgent, grantRow, refund, seedGrantedAgent } from '../fixtures/gate-factories';
const { revokeGrant } = appModule<typeof import('@/lib/grants/revoke-grant')>('@/lib/grants/revoke-grant');
const { updateGrant } = appModule<typeof import('@/lib/grants/update-grant')>('@/lib/grants/update-grant');

const PAST = '2020-01-01T00:00:00.000Z';

test.describe('grant rules at the gate (POST /api/v1/actions)', () => {
  test('a block constraint blocks the call, naming the constraint; a call within it is approved', async ({
    baseURL,
  }) => {
    const {
      agent: agentRow,
      tool,
      key,
    } = await seedGrantedAgent({
      constraints: [{ kind: 'pattern', param: 'orderId', pattern: 'ORD-\\d+', effect: 'block' }],
    });
    const agent = agentClient(baseURL!, key);

    const blocked = await agent.propose({ tool: tool.name, params: refund(20, 'X-1') });
    expect(blocked.status).toBe(201);
    expect(blocked.body).toMatchObject({
      status: 'blocked',
      decision: { outcome: 'blocked', reasons: ['blocked: orderId "X-1" does not match ORD-\\d+'] },
    });
    expect(await actionStatusInDatabase(blocked.body.id)).toBe('blocked');
    const events = await auditEventsOfAction(blocked.body.id);
    expect(events.map((e) => [e.type, e.actorType, e.actorId])).toEqual([
      ['action.proposed', 'agent', agentRow.id],
      ['gate.decided', 'agent', agentRow.id],
    ]);
    expect(events[1].payload).toEqual({
      outcome: 'blocked',
      reasons: ['blocked: orderId "X-1" does not match ORD-\\d+'],
    });

    const allowed = await agent.propose({ tool: tool.name, params: refund(20, 'ORD-77') });
    expect(allowed.body).toMatchObject({
      status: 'approved',
      decision: { reasons: [`allowed: granted ${tool.name} without approval`] },
    });
  });

  test('a review constraint sends a call of an auto-approve grant to review, for one approval', async ({ baseURL }) => {
    const { tool, key } = await seedGrantedAgent({
      approvals: 0,
      constraints: [{ kind: 'range', param: 'amount', max: 500, effect: 'review' }],
    });
    const agent = agentClient(baseURL!, key);

    const over = await agent.propose({ tool: tool.name, params: refund(1200) });
    expect(over.status).toBe(201);
    expect(over.body).toMatchObject({
      status: 'pending_review',
      decision: { outcome: 'pending_review', reasons: ['review: amount 1,200 > 500'] },
    });
    expect((await agent.getAction(over.body.id)).body).toMatchObject({
      status: 'pending_review',
      approvalsRequired: 1,
      decision: { reasons: ['review: amount 1,200 > 500'] },
    });
    expect((await auditEventsOfAction(over.body.id))[1].payload).toEqual({
      outcome: 'pending_review',
      reasons: ['review: amount 1,200 > 500'],
    });

    const under = await agent.propose({ tool: tool.name, params: refund(500) });
    expect(under.body).toMatchObject({ status: 'approved' });
    expect((await agent.getAction(under.body.id)).body.approvalsRequired).toBe(0);
  });

  test('a grant that requires a reason blocks a call without one (or with only blanks)', async ({ baseURL }) => {
    const { tool, key } = await seedGrantedAgent({ requireReason: true });
    const agent = agentClient(baseURL!, key);

    for (const reason of [undefined, '   ']) {
      const reply = await agent.propose({ tool: tool.name, params: refund(20), reason });
      expect(reply.status).toBe(201);
      expect(reply.body, JSON.stringify(reason)).toMatchObject({
        status: 'blocked',
        decision: { reasons: ['blocked: grant requires a reason'] },
      });
    }
    const withReason = await agent.propose({
      tool: tool.name,
      params: refund(20),
      reason: 'customer was charged twice',
    });
    expect(withReason.body).toMatchObject({ status: 'approved' });
    expect((await agent.getAction(withReason.body.id)).body.reason).toBe('customer was charged twice');
  });

  test('an expired grant blocks proposals, naming the expiry', async ({ baseURL }) => {
    const { agent: agentRow, tool, key } = await seedGrantedAgent({ expiresAt: PAST });
    const reply = await agentClient(baseURL!, key).propose({ tool: tool.name, params: refund(20) });

    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: ['blocked: grant expired 2020-01-01'] },
    });
    expect(await countActionsOfAgent(agentRow.id)).toBe(1);
  });

  test('an action approved before its grant expired is blocked at claim (409), for good', async ({ baseURL }) => {
    const { tool, key, grant } = await seedGrantedAgent({ expiresAt: '2999-01-01T00:00:00.000Z' });
    const agent = agentClient(baseURL!, key);
    const approved = await agent.propose({ tool: tool.name, params: refund(20) });
    expect(approved.body.status).toBe('approved');

    // The expiry has passed since (set on the grant rather than waited for).
    await updateGrant(SETUP, {
      grantId: grant.id,
      expectedVersion: 1,
      rules: { approvals: 0, expiresAt: PAST },
    });
    const claim = await agent.claim(approved.body.id);
    expect(claim.status).toBe(409);
    expect(claim.body.error).toMatchObject({
      code: 'conflict',
      status: 'blocked',
      reasons: ['grant expired 2020-01-01'],
    });
    expect(await actionStatusInDatabase(approved.body.id)).toBe('blocked');
    const events = await auditEventsOfAction(approved.body.id);
    expect(events.map((e) => e.type)).toEqual(['action.proposed', 'gate.decided', 'action.claim_blocked']);
    expect(events[2].payload).toEqual({ reasons: ['grant expired 2020-01-01'] });
    expect((await agent.getAction(approved.body.id)).body.decision.reason).toBe(
      'blocked at claim: grant expired 2020-01-01',
    );
  });

  test("a grant for another environment than the agent's blocks; a matching one does not", async ({ baseURL }) => {
    const mismatch = await seedGrantedAgent({ environment: 'production' }, { environment: 'test' });
    const reply = await agentClient(baseURL!, mismatch.key).propose({ tool: mismatch.tool.name, params: refund(20) });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: ['blocked: grant is for production, agent runs in test'] },
    });

    const match = await seedGrantedAgent({ environment: 'test' }, { environment: 'test' });
    expect(
      (await agentClient(baseURL!, match.key).propose({ tool: match.tool.name, params: refund(20) })).body,
    ).toMatchObject({ status: 'approved' });
  });

  test('past the rate limit a call gets 429 rate_limited, is audited as gate.throttled and creates no action', async ({
    baseURL,
  }) => {
    const { agent: agentRow, tool, key } = await seedGrantedAgent({ rateLimit: { count: 2, windowSeconds: 3600 } });
    const agent = agentClient(baseURL!, key);

    for (const amount of [10, 11])
      expect((await agent.propose({ tool: tool.name, params: refund(amount) })).body).toMatchObject({
        status: 'approved',
      });
    const third = await agent.propose({ tool: tool.name, params: refund(12) });
    expect(third.status).toBe(429);
    expect(third.body.error).toMatchObject({
      code: 'rate_limited',
      reasons: ['throttled: rate limit of 2 calls per 1 h reached'],
    });
    expect(await countActionsOfAgent(agentRow.id)).toBe(2);
    const throttled = (await auditEventsOfAgent(agentRow.id)).filter((e) => e.type === 'gate.throttled');
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({
      actorType: 'agent',
      actorId: agentRow.id,
      actionId: null,
      payload: { tool: tool.name, reasons: ['throttled: rate limit of 2 calls per 1 h reached'] },
    });
  });

  test('blocked calls do not use up the rate limit', async ({ baseURL }) => {
    const {
      agent: agentRow,
      tool,
      key,
    } = await seedGrantedAgent({
      rateLimit: { count: 1, windowSeconds: 3600 },
      constraints: [{ kind: 'allowed_values', param: 'currency', values: ['EUR'], effect: 'block' }],
    });
    const agent = agentClient(baseURL!, key);

    for (const amount of [10, 11]) {
      expect(
        (await agent.propose({ tool: tool.name, params: refund(amount, 'ORD-1', { currency: 'USD' }) })).body.status,
      ).toBe('blocked');
    }
    expect(
      (await agent.propose({ tool: tool.name, params: refund(12, 'ORD-1', { currency: 'EUR' }) })).body.status,
    ).toBe('approved');
    expect((await agent.propose({ tool: tool.name, params: refund(13, 'ORD-1', { currency: 'EUR' }) })).status).toBe(
      429,
    );
    expect(await countActionsOfAgent(agentRow.id)).toBe(3);
  });

  test('the pending cap throttles only calls that would join the review queue', async ({ baseURL }) => {
    const {
      agent: agentRow,
      tool,
      key,
    } = await seedGrantedAgent({
      maxPending: 1,
      constraints: [{ kind: 'range', param: 'amount', max: 500, effect: 'review' }],
    });
    const agent = agentClient(baseURL!, key);

    expect((await agent.propose({ tool: tool.name, params: refund(1200) })).body.status).toBe('pending_review');
    const queued = await agent.propose({ tool: tool.name, params: refund(1300) });
    expect(queued.status).toBe(429);
    expect(queued.body.error).toMatchObject({
      code: 'rate_limited',
      reasons: ['throttled: agent already has 1 action pending review (cap 1)', 'review: amount 1,300 > 500'],
    });
    const direct = await agent.propose({ tool: tool.name, params: refund(100) });
    expect(direct.status).toBe(201);
    expect(direct.body.status).toBe('approved');
    expect(await countActionsOfAgent(agentRow.id)).toBe(2);
  });

  test('calls beyond the per-trace maximum are blocked within that trace only', async ({ baseURL }) => {
    const { tool, key } = await seedGrantedAgent({ maxCallsPerTrace: 2 });
    const agent = agentClient(baseURL!, key);
    const traceId = `trace-${Math.random().toString(36).slice(2)}`;

    for (const amount of [10, 11])
      expect((await agent.propose({ tool: tool.name, params: refund(amount), traceId })).body.status).toBe('approved');
    const third = await agent.propose({ tool: tool.name, params: refund(12), traceId });
    expect(third.status).toBe(201);
    expect(third.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: ['blocked: trace already made 2 of 2 allowed calls'] },
    });
    expect((await agent.getAction(third.body.id)).body.traceId).toBe(traceId);

    expect(
      (await agent.propose({ tool: tool.name, params: refund(13), traceId: `${traceId}-other` })).body.status,
    ).toBe('approved');
  });

  test('a loop with pauseAgent blocks the repeat and pauses the agent, audited as agent.paused', async ({
    baseURL,
  }) => {
    const {
      agent: agentRow,
      tool,
      key,
    } = await seedGrantedAgent({ loop: { maxRepeats: 2, windowSeconds: 600, pauseAgent: true } });
    const agent = agentClient(baseURL!, key);
    const same = refund(42, 'ORD-LOOP');

    for (let i = 0; i < 2; i++)
      expect((await agent.propose({ tool: tool.name, params: same })).body.status).toBe('approved');
    expect((await agent.authority()).body.agent.status).toBe('active');
    const repeat = await agent.propose({ tool: tool.name, params: same });
    expect(repeat.status).toBe(201);
    expect(repeat.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: ['blocked: loop: the same call was made 2 times in 10 min'] },
    });

    expect((await agent.authority()).body.agent.status).toBe('paused');
    const paused = (await auditEventsOfAgent(agentRow.id)).filter((e) => e.type === 'agent.paused');
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatchObject({
      actorType: 'agent',
      actorId: agentRow.id,
      payload: { reason: 'loop detected by the gate' },
    });

    const other = await agent.propose({ tool: tool.name, params: refund(1, 'ORD-OTHER') });
    expect(other.body).toMatchObject({ status: 'blocked', decision: { reasons: ['blocked: agent is paused'] } });
  });

  test('a loop without pauseAgent blocks the repeat but leaves the agent active', async ({ baseURL }) => {
    const {
      agent: agentRow,
      tool,
      key,
    } = await seedGrantedAgent({ loop: { maxRepeats: 1, windowSeconds: 60, pauseAgent: false } });
    const agent = agentClient(baseURL!, key);

    expect((await agent.propose({ tool: tool.name, params: refund(42) })).body.status).toBe('approved');
    expect((await agent.propose({ tool: tool.name, params: refund(42) })).body).toMatchObject({
      status: 'blocked',
      decision: { reasons: ['blocked: loop: the same call was made 1 time in 1 min'] },
    });
    expect((await agent.propose({ tool: tool.name, params: refund(43) })).body.status).toBe('approved');
    expect((await agent.authority()).body.agent.status).toBe('active');
    expect((await auditEventsOfAgent(agentRow.id)).filter((e) => e.type === 'agent.paused')).toHaveLength(0);
  });
});

test.describe('changing and revoking grants (lib/grants)', () => {
  test('updateGrant records before and after, takes effect at once, and refuses a stale version', async ({
    baseURL,
  }) => {
    const { agent: agentRow, owner, tool, key, grant } = await seedGrantedAgent({ approvals: 0 });
    const agent = agentClient(baseURL!, key);
    expect(grant.version).toBe(1);

    const updated = await updateGrant(owner.actor, {
      grantId: grant.id,
      expectedVersion: 1,
      rules: { approvals: 2, requireReason: true },
    });
    expect(updated).toEqual({ grantId: grant.id, version: 2 });
    const change = (await auditEventsOfAgent(agentRow.id)).filter((e) => e.type === 'grant.updated');
    expect(change).toHaveLength(1);
    expect(change[0]).toMatchObject({
      actorType: 'user',
      actorId: owner.id,
      payload: {
        tool: tool.name,
        version: 2,
        before: { approvals: 0, requireReason: false },
        after: { approvals: 2, requireReason: true },
      },
    });

    const reply = await agent.propose({ tool: tool.name, params: refund(20), reason: 'duplicate charge' });
    expect(reply.body).toMatchObject({
      status: 'pending_review',
      decision: { reasons: ['review: grant requires 2 approvals'] },
    });

    await expect(
      updateGrant(owner.actor, { grantId: grant.id, expectedVersion: 1, rules: { approvals: 0 } }),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { version: 2 },
    });
    expect(await grantRow(grant.id)).toMatchObject({ version: 2, approvals: 2, requireReason: true });
    expect((await auditEventsOfAgent(agentRow.id)).filter((e) => e.type === 'grant.updated')).toHaveLength(1);
  });

  test("invalid rules and another owner's change are refused, leaving the grant as it was", async () => {
    const { grant } = await seedGrantedAgent({ approvals: 1 });
    const stranger = await createTestUser(['owner'], 'Other Owner');

    await expect(
      updateGrant(SETUP, { grantId: grant.id, expectedVersion: 1, rules: { approvals: 6 } }),
    ).rejects.toThrow(/at most 5 approvals/);
    await expect(
      updateGrant(stranger.actor, { grantId: grant.id, expectedVersion: 1, rules: { approvals: 0 } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(revokeGrant(stranger.actor, grant.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await grantRow(grant.id)).toMatchObject({ version: 1, approvals: 1 });
  });

  test('revokeGrant: the next proposal is blocked as not granted, an approved action is blocked at claim', async ({
    baseURL,
  }) => {
    const { agent: agentRow, owner, tool, key, grant } = await seedGrantedAgent({ approvals: 0 });
    const agent = agentClient(baseURL!, key);
    const approved = await agent.propose({ tool: tool.name, params: refund(20) });
    expect(approved.body.status).toBe('approved');

    await revokeGrant(owner.actor, grant.id);
    const revoked = (await auditEventsOfAgent(agentRow.id)).filter((e) => e.type === 'grant.revoked');
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({ actorId: owner.id, payload: { tool: tool.name, before: { approvals: 0 } } });

    const next = await agent.propose({ tool: tool.name, params: refund(21) });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: [`blocked: tool ${tool.name} is not granted to this agent`] },
    });
    const claim = await agent.claim(approved.body.id);
    expect(claim.status).toBe(409);
    expect(claim.body.error).toMatchObject({
      status: 'blocked',
      reasons: [`tool ${tool.name} is not granted to this agent`],
    });
    expect((await agent.authority()).body.tools).toEqual([]);
    await expect(revokeGrant(owner.actor, grant.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
