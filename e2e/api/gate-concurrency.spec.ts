import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { countActionsOfAgent, refund, seedGrantedAgent } from '../fixtures/gate-factories';

// The gate's counters stay exact when an agent's calls arrive all at once: 16 at a time, as many as the benchmark's
// connections. On PostgreSQL this needs the agent's row lock (lib/gate/count-gate-usage.ts); without it, calls
// counted in parallel each see room under the limit and all get through.
const AT_ONCE = 16;

test.describe('gate counters under concurrent calls', () => {
  // Limits that refuse the excess with 429: exactly `allowed` calls get through, with the status the grant gives them.
  const capped = [
    {
      name: 'a rate limit of 5 lets exactly 5 of 16 simultaneous calls through; the rest get 429',
      rules: { rateLimit: { count: 5, windowSeconds: 3600 } },
      allowed: 5,
      status: 'approved',
    },
    {
      name: 'a pending cap of 3 queues exactly 3 of 16 simultaneous calls for review; the rest get 429',
      rules: { approvals: 1, maxPending: 3 },
      allowed: 3,
      status: 'pending_review',
    },
  ] as const;
  for (const { name, rules, allowed, status } of capped) {
    test(name, async ({ baseURL }) => {
      const { agent: agentRow, tool, key } = await seedGrantedAgent(rules);
      const agent = agentClient(baseURL!, key);
      const replies = await Promise.all(
        Array.from({ length: AT_ONCE }, (_, i) => agent.propose({ tool: tool.name, params: refund(10 + i) })),
      );
      expect(replies.filter((r) => r.status === 201).map((r) => r.body.status)).toEqual(Array(allowed).fill(status));
      expect(replies.filter((r) => r.status === 429)).toHaveLength(AT_ONCE - allowed);
      expect(await countActionsOfAgent(agentRow.id)).toBe(allowed);
    });
  }

  test('a trace maximum of 4 approves exactly 4 of 16 simultaneous calls in one trace and blocks the rest', async ({
    baseURL,
  }) => {
    const { tool, key } = await seedGrantedAgent({ maxCallsPerTrace: 4 });
    const agent = agentClient(baseURL!, key);
    const traceId = `trace-${Math.random().toString(36).slice(2)}`;
    const replies = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) => agent.propose({ tool: tool.name, params: refund(10 + i), traceId })),
    );
    expect(replies.every((r) => r.status === 201)).toBe(true);
    const statuses = replies.map((r) => r.body.status);
    expect(statuses.filter((s) => s === 'approved')).toHaveLength(4);
    expect(statuses.filter((s) => s === 'blocked')).toHaveLength(AT_ONCE - 4);
  });

  test('a loop limit of 2 lets exactly 2 of 16 simultaneous identical calls through and blocks the rest', async ({
    baseURL,
  }) => {
    const { tool, key } = await seedGrantedAgent({ loop: { maxRepeats: 2, windowSeconds: 600, pauseAgent: false } });
    const agent = agentClient(baseURL!, key);
    const replies = await Promise.all(
      Array.from({ length: AT_ONCE }, () => agent.propose({ tool: tool.name, params: refund(42) })),
    );
    expect(replies.every((r) => r.status === 201)).toBe(true);
    const statuses = replies.map((r) => r.body.status);
    expect(statuses.filter((s) => s === 'approved')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'blocked')).toHaveLength(AT_ONCE - 2);
  });
});
