import fc from 'fast-check';
import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, SETUP, seedAgentWithTool, VALID_TICKET } from '../fixtures/factories';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { engageSwitch } = appModule<typeof import('@/lib/kill-switches/engage-switch')>(
  '@/lib/kill-switches/engage-switch',
);
const { releaseSwitch } = appModule<typeof import('@/lib/kill-switches/release-switch')>(
  '@/lib/kill-switches/release-switch',
);

// Property (issue 13 §1): whatever happened before, releasing a switch never approves or executes anything by
// itself. Random sequences of engage / release / propose / claim / decide run against the real server and database;
// around every release, each action of the run's agents keeps its status (and no action appears); only waiting
// deadlines may move, and only later. The switches reach only this run's agents and tools (no global scope), so
// the spec runs beside the others.
type Step =
  | { kind: 'propose'; agent: number }
  | { kind: 'claim'; action: number }
  | { kind: 'decide'; action: number; approve: boolean }
  | { kind: 'engage'; target: number; effect: 'block' | 'review-all' | 'draft-only' }
  | { kind: 'release'; which: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('propose' as const), agent: fc.nat(1) }),
  fc.record({ kind: fc.constant('claim' as const), action: fc.nat(20) }),
  fc.record({ kind: fc.constant('decide' as const), action: fc.nat(20), approve: fc.boolean() }),
  fc.record({
    kind: fc.constant('engage' as const),
    target: fc.nat(3),
    effect: fc.constantFrom('block' as const, 'review-all' as const, 'draft-only' as const),
  }),
  fc.record({ kind: fc.constant('release' as const), which: fc.nat(5) }),
);

async function snapshot(agentIds: string[]) {
  const rows = await db().action.findMany({
    where: { agentId: { in: agentIds } },
    select: { id: true, status: true, expiresAt: true },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

test('releasing a switch never approves or executes anything by itself', async ({ baseURL }) => {
  test.setTimeout(240_000);
  const reviewer = await createTestUser(['reviewer']);
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
      // A reviewed agent (its proposals wait) and an unreviewed one (its proposals may be claimed at once).
      const seeds = [
        await seedAgentWithTool({ approvalRequired: true, actionLevel: 'update' }),
        await seedAgentWithTool({ approvalRequired: false, actionLevel: 'update' }),
      ];
      const clients = seeds.map((seed) => agentClient(baseURL!, seed.key));
      const agentIds = seeds.map((seed) => seed.agent.id);
      const targets = [
        { scope: 'agent' as const, agent: agentIds[0] },
        { scope: 'agent' as const, agent: agentIds[1] },
        { scope: 'tool' as const, tool: seeds[0].tool.name },
        { scope: 'agent-tool' as const, agent: agentIds[1], tool: seeds[1].tool.name },
      ];
      const actions: { id: string; agent: number }[] = [];
      const engaged: string[] = [];
      const release = async (id: string) => {
        const before = await snapshot(agentIds);
        await releaseSwitch(SETUP, { id, reason: 'property' });
        const after = await snapshot(agentIds);
        expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
        for (const [actionId, was] of before) {
          const now = after.get(actionId)!;
          expect(now.status, actionId).toBe(was.status);
          if (was.status !== 'pending_review') expect(now.expiresAt, actionId).toEqual(was.expiresAt);
          else if (was.expiresAt)
            expect(now.expiresAt!.getTime(), actionId).toBeGreaterThanOrEqual(was.expiresAt.getTime());
        }
      };
      for (const s of steps) {
        if (s.kind === 'propose') {
          const reply = await clients[s.agent].propose({ tool: seeds[s.agent].tool.name, params: VALID_TICKET });
          expect(reply.status).toBe(201);
          actions.push({ id: reply.body.id, agent: s.agent });
        } else if (s.kind === 'claim' && actions.length > 0) {
          const action = actions[s.action % actions.length];
          expect([200, 409]).toContain((await clients[action.agent].claim(action.id)).status);
        } else if (s.kind === 'decide' && actions.length > 0) {
          const action = actions[s.action % actions.length];
          const decide = s.approve ? approveAction : rejectAction;
          await decide(reviewer.actor, { actionId: action.id }).catch((error: { code?: string }) =>
            expect(error.code).toBe('conflict'),
          );
        } else if (s.kind === 'engage') {
          const { id, changed } = await engageSwitch(SETUP, {
            ...targets[s.target],
            effect: s.effect,
            reason: 'property',
          });
          if (changed) engaged.push(id);
        } else if (s.kind === 'release' && engaged.length > 0) {
          await release(engaged.splice(s.which % engaged.length, 1)[0]);
        }
      }
      while (engaged.length > 0) await release(engaged.pop()!);
    }),
    { numRuns: 12 },
  );
});
