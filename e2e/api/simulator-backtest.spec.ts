import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser } from '../fixtures/factories';
import {
  countActionsOfAgent,
  countAuditEventsOfAgent,
  grantRow,
  refund,
  seedGrantedAgent,
} from '../fixtures/gate-factories';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { backtestGrant } = appModule<typeof import('@/lib/grants/backtest-grant')>('@/lib/grants/backtest-grant');
const { simulateProposal } = appModule<typeof import('@/lib/grants/simulate-proposal')>(
  '@/lib/grants/simulate-proposal',
);

// Domain level (lib/grants/simulate-proposal.ts, lib/grants/backtest-grant.ts) against the server's test database;
// the real proposals they are compared with go through the API.

test.describe('simulateProposal answers what the gate then answers, recording nothing', () => {
  test('approved, review, and two kinds of block: same outcome and reasons as the real proposal', async ({
    baseURL,
  }) => {
    const {
      agent: agentRow,
      owner,
      tool,
      key,
    } = await seedGrantedAgent({
      requireReason: true,
      constraints: [
        { kind: 'range', param: 'amount', max: 500, effect: 'review' },
        { kind: 'allowed_values', param: 'currency', values: ['EUR'], effect: 'block' },
      ],
    });
    const agent = agentClient(baseURL!, key);
    const cases = [
      {
        name: 'approved',
        params: refund(20, 'ORD-1', { currency: 'EUR' }),
        reason: 'duplicate charge',
        outcome: 'approved',
      },
      {
        name: 'review',
        params: refund(1200, 'ORD-2', { currency: 'EUR' }),
        reason: 'duplicate charge',
        outcome: 'pending_review',
      },
      {
        name: 'constraint block',
        params: refund(20, 'ORD-3', { currency: 'USD' }),
        reason: 'duplicate charge',
        outcome: 'blocked',
      },
      { name: 'no reason', params: refund(1200, 'ORD-4'), reason: undefined, outcome: 'blocked' },
    ];

    for (const c of cases) {
      const actionsBefore = await countActionsOfAgent(agentRow.id);
      const eventsBefore = await countAuditEventsOfAgent(agentRow.id);
      const simulated = await simulateProposal(owner.actor, {
        agentId: agentRow.id,
        tool: tool.name,
        params: c.params,
        reason: c.reason,
      });
      expect(simulated.outcome, c.name).toBe(c.outcome);
      expect(await countActionsOfAgent(agentRow.id), `${c.name}: no action`).toBe(actionsBefore);
      expect(await countAuditEventsOfAgent(agentRow.id), `${c.name}: no audit event`).toBe(eventsBefore);

      const real = await agent.propose({ tool: tool.name, params: c.params, reason: c.reason });
      expect(real.status, c.name).toBe(201);
      expect(real.body.decision, c.name).toEqual({ outcome: simulated.outcome, reasons: simulated.reasons });
      expect((await agent.getAction(real.body.id)).body.approvalsRequired, c.name).toBe(simulated.approvalsRequired);
    }
  });

  test('it counts like the gate: past the rate limit it says throttled, and the real call gets 429 with the same reasons', async ({
    baseURL,
  }) => {
    const {
      agent: agentRow,
      owner,
      tool,
      key,
    } = await seedGrantedAgent({ rateLimit: { count: 1, windowSeconds: 600 } });
    const agent = agentClient(baseURL!, key);
    const simulate = () => simulateProposal(owner.actor, { agentId: agentRow.id, tool: tool.name, params: refund(30) });

    expect((await simulate()).outcome).toBe('approved');
    expect((await agent.propose({ tool: tool.name, params: refund(29) })).status).toBe(201);
    const simulated = await simulate();
    expect(simulated).toMatchObject({
      outcome: 'throttled',
      reasons: ['throttled: rate limit of 1 call per 10 min reached'],
    });
    const real = await agent.propose({ tool: tool.name, params: refund(30) });
    expect(real.status).toBe(429);
    expect(real.body.error.reasons).toEqual(simulated.reasons);
  });

  test('invalid parameters: the simulator reports the issues the API answers 422 with', async ({ baseURL }) => {
    const { agent: agentRow, owner, tool, key } = await seedGrantedAgent();
    const params = { orderId: 'ORD-1', amount: -5, note: 'x' };
    const simulated = await simulateProposal(owner.actor, { agentId: agentRow.id, tool: tool.name, params });
    expect(simulated.outcome).toBe('invalid_params');
    expect(await countAuditEventsOfAgent(agentRow.id, 'action.params_invalid')).toBe(0);

    const real = await agentClient(baseURL!, key).propose({ tool: tool.name, params });
    expect(real.status).toBe(422);
    const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path).sort();
    expect(paths(real.body.error.issues)).toEqual(paths(simulated.paramIssues));
    expect(paths(simulated.paramIssues).length).toBeGreaterThan(0);
  });
});

test.describe('backtestGrant replays recorded proposals under stricter rules', () => {
  async function seedHistory(baseURL: string) {
    const seeded = await seedGrantedAgent({ approvals: 0 });
    const agent = agentClient(baseURL, seeded.key);
    for (const amount of [100, 700, 1200, 300]) {
      expect(
        (await agent.propose({ tool: seeded.tool.name, params: refund(amount, `ORD-${amount}`) })).body.status,
      ).toBe('approved');
    }
    return seeded;
  }

  test('a review threshold would change the outcome of the two large refunds, with examples', async ({ baseURL }) => {
    const { agent, owner, grant } = await seedHistory(baseURL!);
    const eventsBefore = await countAuditEventsOfAgent(agent.id);

    const report = await backtestGrant(owner.actor, {
      grantId: grant.id,
      days: 7,
      rules: { approvals: 0, constraints: [{ kind: 'range', param: 'amount', max: 500, effect: 'review' }] },
    });
    expect(report).toMatchObject({ days: 7, total: 4, changed: 2, truncated: false });
    const examples = [...report.examples].sort((a, b) => Number(a.params.amount) - Number(b.params.amount));
    expect(examples).toMatchObject([
      { before: 'approved', after: 'pending_review', params: { amount: 700 }, reasons: ['review: amount 700 > 500'] },
      {
        before: 'approved',
        after: 'pending_review',
        params: { amount: 1200 },
        reasons: ['review: amount 1,200 > 500'],
      },
    ]);
    const ids = (await agentActionIds(agent.id))
      .filter((row) => [700, 1200].includes(Number(JSON.parse(row.params).amount)))
      .map((row) => row.id);
    expect(examples.map((example) => example.actionId).sort()).toEqual(ids.sort());

    expect(await countActionsOfAgent(agent.id), 'a backtest records nothing').toBe(4);
    expect(await countAuditEventsOfAgent(agent.id)).toBe(eventsBefore);
    expect(await grantRow(grant.id), 'nor changes the grant').toMatchObject({ version: 1, constraints: '[]' });
  });

  test('a block rule and a rate limit change other outcomes; the current rules change none', async ({ baseURL }) => {
    const { owner, grant } = await seedHistory(baseURL!);
    const backtest = backtestGrant;

    const blocked = await backtest(owner.actor, {
      grantId: grant.id,
      days: 7,
      rules: { approvals: 0, constraints: [{ kind: 'range', param: 'amount', max: 1000, effect: 'block' }] },
    });
    expect(blocked).toMatchObject({
      total: 4,
      changed: 1,
      examples: [{ before: 'approved', after: 'blocked', reasons: ['blocked: amount 1,200 > 1,000'] }],
    });

    const limited = await backtest(owner.actor, {
      grantId: grant.id,
      days: 7,
      rules: { approvals: 0, rateLimit: { count: 2, windowSeconds: 3600 } },
    });
    expect(limited).toMatchObject({ total: 4, changed: 2 });
    expect(limited.examples.map((example) => [example.params.amount, example.after]).sort()).toEqual([
      [1200, 'throttled'],
      [300, 'throttled'],
    ]);

    expect(await backtest(owner.actor, { grantId: grant.id, days: 7, rules: { approvals: 0 } })).toMatchObject({
      total: 4,
      changed: 0,
      examples: [],
    });
  });
});

test.describe('only the owner of the agent (or an admin) may simulate or backtest', () => {
  test("another owner and a reviewer are forbidden; the agent's owner is not", async () => {
    const { agent, owner, tool, grant } = await seedGrantedAgent();
    const stranger = await createTestUser(['owner'], 'Other Owner');
    const reviewer = await createTestUser(['reviewer']);
    const admin = await createTestUser(['admin']);
    const simulation = { agentId: agent.id, tool: tool.name, params: refund(20) };
    const backtest = { grantId: grant.id, days: 7, rules: { approvals: 1 } };

    for (const actor of [stranger.actor, reviewer.actor]) {
      await expect(simulateProposal(actor, simulation)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(backtestGrant(actor, backtest)).rejects.toMatchObject({ code: 'forbidden' });
    }
    for (const actor of [owner.actor, admin.actor]) {
      expect((await simulateProposal(actor, simulation)).outcome).toBe('approved');
      expect((await backtestGrant(actor, backtest)).total).toBe(0);
    }
    await expect(simulateProposal(owner.actor, { ...simulation, agentId: 'no-such-agent' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(backtestGrant(owner.actor, { ...backtest, grantId: 'no-such-grant' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

function agentActionIds(agentId: string) {
  return db().action.findMany({ where: { agentId }, select: { id: true, params: true } });
}
