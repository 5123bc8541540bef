import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';
import type { DatabaseEngine } from '../db/engine';
import { hashAgentKey } from '../auth/agent-key';

/**
 * Every runtime path of the gate, through proposeAction on a real database: an open grant (facts read outside any
 * transaction, rows committed with commitWrites), a counted grant (rate limit, trace cap, pending cap: read, counted
 * and written in one transaction), the loop rule's pause (the same status change and event as a person's pause), and
 * on SQLite the fallback once the worker connection is gone (every proposal in the main connection's group commit).
 * The engine's seam methods are watched (not replaced) so each test also proves which path its proposal took.
 */
describe.each(TEST_DATABASES)('proposeAction on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-propose-action');
  let w: typeof import('../seed/test-world');
  let proposeAction: typeof import('./propose-action').proposeAction;
  let agentStatus: typeof import('../agents/set-agent-status');
  let createAgentKey: typeof import('../agents/create-agent-key').createAgentKey;
  let engageSwitch: typeof import('../kill-switches/engage-switch').engageSwitch;
  let prefetchGateInputs: typeof import('./prefetch-gate-inputs').prefetchGateInputs;
  let readGateInputs: typeof import('./read-gate-inputs').readGateInputs;
  let runOutsideTransaction: typeof import('../db/sql-runner').runOutsideTransaction;
  let engine: DatabaseEngine;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ proposeAction } = await import('./propose-action'));
    agentStatus = await import('../agents/set-agent-status');
    ({ createAgentKey } = await import('../agents/create-agent-key'));
    ({ engageSwitch } = await import('../kill-switches/engage-switch'));
    ({ prefetchGateInputs } = await import('./prefetch-gate-inputs'));
    ({ readGateInputs } = await import('./read-gate-inputs'));
    ({ runOutsideTransaction } = await import('../db/sql-runner'));
    engine = (await import('../db/client')).engine();
  });
  afterEach(() => vi.restoreAllMocks());

  /** Which of the engine's entry points the proposals in `work` used. */
  async function pathOf(work: () => Promise<unknown>) {
    const spies = {
      read: vi.spyOn(engine, 'read'),
      transaction: vi.spyOn(engine, 'transaction'),
      commitWrites: vi.spyOn(engine, 'commitWrites'),
    };
    await work();
    const calls = { read: 0, transaction: 0, commitWrites: 0 };
    for (const [name, spy] of Object.entries(spies)) calls[name as keyof typeof calls] = spy.mock.calls.length;
    vi.restoreAllMocks();
    return calls;
  }

  const events = (agentId: string, type: string) =>
    database.client.auditEvent.findMany({ where: { agentId, type }, orderBy: { seq: 'asc' } });

  it('an open grant: decided on facts read outside a transaction, its rows committed with commitWrites', async () => {
    const { agent, tool } = await w.agentWithRefundTool({ rules: { approvals: 0 } });
    let result!: Awaited<ReturnType<typeof proposeAction>>;
    const calls = await pathOf(async () => {
      result = await proposeAction(agent, { tool: tool.name, params: w.REFUND, reason: 'customer asked' });
    });
    expect(calls).toEqual({ read: 1, transaction: 0, commitWrites: 1 });
    expect(result).toMatchObject({ status: 'approved', decision: { outcome: 'approved' } });
    expect(await w.actionRow(result.id)).toMatchObject({
      agentId: agent.id,
      toolId: tool.id,
      status: 'approved',
      approvedParamsHash: expect.any(String),
      expiresAt: null,
    });
    expect(await w.auditTypes(result.id)).toEqual(['action.proposed', 'gate.decided']);

    // Invalid parameters take the same path and record only the refusal.
    const invalid = await pathOf(() =>
      expect(proposeAction(agent, { tool: tool.name, params: { orderId: 'ORD-1', amount: -5 } })).rejects.toMatchObject(
        { code: 'invalid_input' },
      ),
    );
    expect(invalid).toEqual({ read: 1, transaction: 0, commitWrites: 1 });
    expect(await events(agent.id, 'action.params_invalid')).toHaveLength(1);
  });

  it("reads prefetched by the key's hash are what the gate reads by id, and used only for the key's own agent", async () => {
    const { agent, tool } = await w.agentWithRefundTool({ rules: { approvals: 0 } });
    const other = await w.agentWithRefundTool({ rules: { approvals: 0 } });
    const keyHash = hashAgentKey((await createAgentKey(w.SETUP, { id: agent.id })).key);
    const otherKeyHash = hashAgentKey((await createAgentKey(w.SETUP, { id: other.agent.id })).key);
    // A switch on this agent (for another tool, so its proposals still pass) and one on the other agent.
    await engageSwitch(w.SETUP, {
      scope: 'agent-tool',
      agent: agent.id,
      tool: other.tool.name,
      effect: 'block',
      reason: 'this agent, another tool',
    });
    await engageSwitch(w.SETUP, { scope: 'agent', agent: other.agent.id, effect: 'block', reason: 'the other agent' });

    const byId = await runOutsideTransaction((runner) => readGateInputs(runner, { id: agent.id }, tool.name));
    const byKey = await prefetchGateInputs(keyHash, tool.name);
    expect(byKey).toEqual({ toolName: tool.name, inputs: byId });
    expect(byId.row).toMatchObject({ agent: { id: agent.id }, tool: { id: tool.id }, grant: { approvals: 0 } });
    const reasons = byId.engaged.map((s) => s.reason);
    expect(reasons).toContain('this agent, another tool');
    expect(reasons).not.toContain('the other agent');

    // The agent's own reads: decided on them, nothing read again.
    let result!: Awaited<ReturnType<typeof proposeAction>>;
    const own = await pathOf(async () => {
      result = await proposeAction(agent, { tool: tool.name, params: w.REFUND }, Promise.resolve(byKey));
    });
    expect(own).toEqual({ read: 0, transaction: 0, commitWrites: 1 });
    expect(result.status).toBe('approved');
    expect(await w.auditTypes(result.id)).toEqual(['action.proposed', 'gate.decided']);

    // Reads that would block if used are not: another agent's (stopped, no grant of this tool), an unknown key's (no
    // row), and this agent's for another tool (a switch, no grant). The gate reads again, by id.
    const foreignReads = [
      [otherKeyHash, tool.name],
      [hashAgentKey('wdn_no-such-key'), tool.name],
      [keyHash, other.tool.name],
    ] as const;
    for (const [foreignKey, toolName] of foreignReads) {
      const inputs = await prefetchGateInputs(foreignKey, toolName);
      const calls = await pathOf(async () => {
        result = await proposeAction(agent, { tool: tool.name, params: w.REFUND }, Promise.resolve(inputs));
      });
      expect(calls).toEqual({ read: 1, transaction: 0, commitWrites: 1 });
      expect(result.status).toBe('approved');
    }
  });

  it('a proposal that would queue is decided again in a transaction with the pending count (the default cap)', async () => {
    const { agent, tool } = await w.agentWithRefundTool({ rules: { approvals: 1 } });
    let id = '';
    const calls = await pathOf(async () => {
      id = await w.propose(agent, tool, 'pending_review');
    });
    // PostgreSQL and SQLite's worker read the facts first; the queueing decision is then taken again, counted.
    expect(calls).toEqual({ read: 1, transaction: 1, commitWrites: 0 });
    expect((await w.actionRow(id)).expiresAt).not.toBeNull();
    expect(await w.auditTypes(id)).toEqual(['action.proposed', 'gate.decided']);
  });

  it('a counted grant: rate limit, trace cap and pending cap read, counted and written in one transaction', async () => {
    const limited = await w.agentWithRefundTool({
      rules: { approvals: 0, rateLimit: { count: 2, windowSeconds: 60 } },
    });
    const propose = () => proposeAction(limited.agent, { tool: limited.tool.name, params: w.REFUND });
    const calls = await pathOf(async () => {
      await propose();
      await propose();
      await expect(propose()).rejects.toMatchObject({
        code: 'rate_limited',
        details: { reasons: ['throttled: rate limit of 2 calls per 1 min reached'] },
      });
    });
    expect(calls).toEqual({ read: 3, transaction: 3, commitWrites: 0 });
    expect(await events(limited.agent.id, 'gate.throttled')).toHaveLength(1);
    expect(await database.client.action.count({ where: { agentId: limited.agent.id } })).toBe(2);

    const traced = await w.agentWithRefundTool({ rules: { approvals: 0, maxCallsPerTrace: 1 } });
    const inTrace = () =>
      proposeAction(traced.agent, { tool: traced.tool.name, params: w.REFUND, traceId: 'trace-of-two' });
    expect((await inTrace()).status).toBe('approved');
    expect(await inTrace()).toMatchObject({
      status: 'blocked',
      decision: { reasons: ['blocked: trace already made 1 of 1 allowed call'] },
    });

    const capped = await w.agentWithRefundTool({ rules: { approvals: 1, maxPending: 1 } });
    await w.propose(capped.agent, capped.tool, 'pending_review');
    await expect(proposeAction(capped.agent, { tool: capped.tool.name, params: w.REFUND })).rejects.toMatchObject({
      code: 'rate_limited',
      details: {
        reasons: ['throttled: agent already has 1 action pending review (cap 1)', 'review: grant requires approval'],
      },
    });
  });

  it('a counted grant stays exact under concurrency: of 8 calls at once, the rate limit lets exactly 3 through', async () => {
    const { agent, tool } = await w.agentWithRefundTool({
      rules: { approvals: 0, rateLimit: { count: 3, windowSeconds: 60 } },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, n) =>
        proposeAction(agent, { tool: tool.name, params: { ...w.REFUND, amount: n + 1 } }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r.reason as { code: string }).code)).toEqual(
      Array(5).fill('rate_limited'),
    );
    expect(await database.client.action.count({ where: { agentId: agent.id } })).toBe(3);
  });

  it("the loop rule pauses the agent exactly as a person's pause does, in the proposal's transaction", async () => {
    const { agent, tool, owner } = await w.agentWithRefundTool({
      rules: { approvals: 0, loop: { maxRepeats: 2, windowSeconds: 600, pauseAgent: true } },
    });
    const before = await database.client.agent.findUniqueOrThrow({ where: { id: agent.id } });
    await w.propose(agent, tool, 'approved');
    await w.propose(agent, tool, 'approved');
    let looped!: Awaited<ReturnType<typeof proposeAction>>;
    const calls = await pathOf(async () => {
      looped = await proposeAction(agent, { tool: tool.name, params: w.REFUND, reason: 'customer asked' });
    });
    expect(calls).toMatchObject({ transaction: 1, commitWrites: 0 });
    expect(looped).toMatchObject({
      status: 'blocked',
      decision: { reasons: ['blocked: loop: the same call was made 2 times in 10 min'] },
    });
    expect(await w.auditTypes(looped.id)).toEqual(['action.proposed', 'gate.decided']);
    const paused = await database.client.agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(paused).toMatchObject({ status: 'paused', version: before.version + 1 });
    const [gatePause] = await events(agent.id, 'agent.paused');
    expect(gatePause).toMatchObject({ actorType: 'agent', actorId: agent.id, actionId: null });
    expect(JSON.parse(gatePause!.payload)).toEqual({ reason: 'loop detected by the gate' });

    // Paused, the agent's next call is blocked and pauses nothing again.
    expect((await proposeAction(agent, { tool: tool.name, params: { ...w.REFUND, amount: 1 } })).status).toBe(
      'blocked',
    );
    expect(await events(agent.id, 'agent.paused')).toHaveLength(1);

    // A person's pause is the same change: resumed and paused again, the row and the event read alike.
    expect((await agentStatus.resumeAgent(owner, { id: agent.id })).changed).toBe(true);
    expect((await agentStatus.pauseAgent(owner, { id: agent.id }, 'by hand')).changed).toBe(true);
    const byHand = await database.client.agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(byHand).toMatchObject({ status: 'paused', version: before.version + 3 });
    const pauses = await events(agent.id, 'agent.paused');
    expect(pauses.map((e) => [e.actorType, e.actionId, JSON.parse(e.payload)])).toEqual([
      ['agent', null, { reason: 'loop detected by the gate' }],
      ['user', null, { reason: 'by hand' }],
    ]);
  });
});

describe('proposeAction on sqlite once its worker connection has failed', () => {
  useTestDatabase('sqlite', 'warden-propose-fallback');
  let w: typeof import('../seed/test-world');
  let proposeAction: typeof import('./propose-action').proposeAction;
  let prefetchGateInputs: typeof import('./prefetch-gate-inputs').prefetchGateInputs;
  let engine: import('../db/sqlite').SqliteEngine;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ proposeAction } = await import('./propose-action'));
    ({ prefetchGateInputs } = await import('./prefetch-gate-inputs'));
    const { SqliteEngine } = await import('../db/sqlite');
    const opened = (await import('../db/client')).engine();
    if (!(opened instanceof SqliteEngine)) throw new Error('expected the SQLite engine');
    engine = opened;
    // The world is built first, with the worker running; then it stops, as it does when it fails.
  });
  afterEach(() => vi.restoreAllMocks());

  it('every proposal goes to the main connection: decided and written in its group commit', async () => {
    const open = await w.agentWithRefundTool({ rules: { approvals: 0 } });
    const counted = await w.agentWithRefundTool({
      rules: { approvals: 0, rateLimit: { count: 1, windowSeconds: 60 } },
    });
    await w.propose(open.agent, open.tool, 'approved');
    expect(engine.worker.available).toBe(true);
    await engine.worker.stop();
    expect(engine.worker.available).toBe(false);

    const transaction = vi.spyOn(engine, 'transaction');
    const commitWrites = vi.spyOn(engine, 'commitWrites');
    const read = vi.spyOn(engine, 'read');
    // Nothing is read ahead of the gate either: it reads inside the group commit's transaction.
    expect(await prefetchGateInputs(hashAgentKey('wdn_any-key'), open.tool.name)).toBeNull();
    const approved = await proposeAction(open.agent, { tool: open.tool.name, params: { ...w.REFUND, amount: 2 } });
    expect(approved.status).toBe('approved');
    expect(await w.auditTypes(approved.id)).toEqual(['action.proposed', 'gate.decided']);
    await w.propose(counted.agent, counted.tool, 'approved');
    await expect(proposeAction(counted.agent, { tool: counted.tool.name, params: w.REFUND })).rejects.toMatchObject({
      code: 'rate_limited',
    });
    expect([read.mock.calls.length, commitWrites.mock.calls.length, transaction.mock.calls.length]).toEqual([0, 0, 3]);
    expect(await w.actionRow(approved.id)).toMatchObject({ status: 'approved', agentId: open.agent.id });
  });
});
