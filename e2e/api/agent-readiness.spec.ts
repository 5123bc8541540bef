import { test, expect } from '../fixtures/test';
import { seedReadinessAgent } from '../fixtures/readiness-factories';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { getAgentReadiness } = appModule<typeof import('@/lib/agents/get-agent-readiness')>(
  '@/lib/agents/get-agent-readiness',
);
const { listAgentReadiness } = appModule<typeof import('@/lib/agents/list-agent-readiness')>(
  '@/lib/agents/list-agent-readiness',
);

// Notification channels are workspace-wide and other specs add and disable them: the audit area's channel gap is
// table-tested in lib/policy/agent-readiness.test.ts; here only its monitoring-note part is asserted.

test('a bare agent: each gap is named with where to fix it', async () => {
  const { owner, agent, tool, grant } = await seedReadinessAgent({ configured: false });
  const readiness = await getAgentReadiness(owner.actor, agent.id);
  const row = (area: string) => readiness.rows.find((r) => r.area === area)!;
  const page = `/agents/${agent.id}`;

  expect(readiness.total).toBe(8);
  expect(row('purpose')).toMatchObject({ ok: true, signal: 'Purpose recorded; Olga Owner answers for it' });
  expect(row('identity').gaps).toEqual([{ text: 'no requester verification', href: `${page}#agent-requester-key` }]);
  expect(row('permissions').gaps).toEqual([
    { text: `write tools without a rate limit or pending cap: ${tool.name}`, href: `${page}/grants/${grant.id}` },
  ]);
  expect(row('tools').gaps).toEqual([
    { text: `update tool \`${tool.name}\` has no rollback declared`, href: `/tools/${tool.id}` },
  ]);
  expect(row('validation').gaps).toEqual([
    { text: `write tools without parameter rules: ${tool.name}`, href: `${page}/grants/${grant.id}` },
  ]);
  expect(row('approval').gaps).toEqual([
    { text: `write tools without approval: ${tool.name}`, href: `${page}/grants/${grant.id}` },
  ]);
  expect(row('audit').gaps).toContainEqual({ text: 'no monitoring note', href: `${page}#agent-edit` });
  expect(row('recovery').gaps).toEqual([{ text: 'no manual fallback text', href: `${page}#agent-edit` }]);

  const scores = await listAgentReadiness(owner.actor, [agent.id]);
  expect(scores[agent.id]).toMatchObject({ okCount: readiness.okCount, total: 8 });
});

test('a configured agent: its rows show their good signals, and the list scores it the same in one batch', async () => {
  const bare = await seedReadinessAgent({ configured: false });
  const { owner, agent } = await seedReadinessAgent({ configured: true });
  const readiness = await getAgentReadiness(owner.actor, agent.id);
  const row = (area: string) => readiness.rows.find((r) => r.area === area)!;

  expect(row('identity')).toMatchObject({
    ok: true,
    signal: '1 active key under 90 days old; requesters verified by signature',
  });
  expect(row('permissions')).toMatchObject({
    ok: true,
    signal: 'Every write tool is bounded by a rate limit or a pending cap',
  });
  expect(row('validation')).toMatchObject({ ok: true, signal: 'Every write tool checks its parameters against rules' });
  expect(row('approval')).toMatchObject({ ok: true, signal: 'Every write tool needs a person’s approval' });
  expect(row('recovery').ok).toBe(true);
  expect(row('recovery').signal).toMatch(/^Shutoff contact, manual fallback and \d+ admins for the return to normal$/);
  expect(row('audit').gaps.map((gap) => gap.text)).not.toContain('no monitoring note');

  const scores = await listAgentReadiness(owner.actor, [agent.id, bare.agent.id, 'no-such-agent']);
  expect(Object.keys(scores).sort()).toEqual([agent.id, bare.agent.id].sort());
  expect(scores[agent.id].okCount).toBe(readiness.okCount);
  expect(scores[agent.id].okCount).toBeGreaterThan(scores[bare.agent.id].okCount);
});

test("reading readiness writes nothing (the agent's version stays) and an unknown agent is not found", async () => {
  const { owner, agent } = await seedReadinessAgent({ configured: false });
  const version = async () => (await db().agent.findUniqueOrThrow({ where: { id: agent.id } })).version;
  const start = await version();
  await getAgentReadiness(owner.actor, agent.id);
  expect(await version()).toBe(start);
  await expect(getAgentReadiness(owner.actor, 'no-such-agent')).rejects.toMatchObject({
    code: 'not_found',
  });
});
