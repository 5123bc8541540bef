import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { actionStatusInDatabase } from '../fixtures/audit';
import { createTestUser, SETUP, seedAgentWithTool, TEST_PASSWORD, VALID_TICKET } from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { engageSwitch } = appModule<typeof import('@/lib/kill-switches/engage-switch')>(
  '@/lib/kill-switches/engage-switch',
);
const { releaseSwitch } = appModule<typeof import('@/lib/kill-switches/release-switch')>(
  '@/lib/kill-switches/release-switch',
);

// Switches on one agent (or one agent and tool): nothing here reaches another spec's agents, so these run in parallel
// with them. The global stop's own cells are in global-stop.spec.ts and switch-race-global-stop.spec.ts.
test.describe('kill switches × kind of work', () => {
  test('new proposals take the effect of the switch in scope; releasing restores the grant', async ({ baseURL }) => {
    const { agent, key, tool } = await seedAgentWithTool({ approvalRequired: false, actionLevel: 'update' });
    const client = agentClient(baseURL!, key);
    const engage = (effect: 'block' | 'review-all' | 'draft-only', reason: string) =>
      engageSwitch(SETUP, { scope: 'agent-tool', agent: agent.id, tool: tool.name, effect, reason });

    const review = await engage('review-all', 'odd refunds since 14:00');
    const queued = await client.propose({ tool: tool.name, params: VALID_TICKET });
    expect(queued.body).toMatchObject({
      status: 'pending_review',
      decision: { reasons: [expect.stringContaining('odd refunds since 14:00')] },
    });

    const draft = await engage('draft-only', 'writes held as drafts');
    expect((await client.propose({ tool: tool.name, params: VALID_TICKET })).body.status).toBe('draft');

    const block = await engage('block', 'refund fraud suspected');
    const blocked = await client.propose({ tool: tool.name, params: VALID_TICKET });
    expect(blocked.body.status).toBe('blocked');
    expect(blocked.body.decision.reasons[0]).toBe(
      `blocked: switch ${block.id} (block on agent ${agent.id} tool ${tool.name}): refund fraud suspected`,
    );

    for (const { id } of [block, draft, review]) await releaseSwitch(SETUP, { id, reason: 'contained' });
    expect((await client.propose({ tool: tool.name, params: VALID_TICKET })).body.status).toBe('approved');
  });

  test('engaging the same switch twice changes nothing; an agent key cannot engage', async () => {
    const { agent } = await seedAgentWithTool();
    const input = { scope: 'agent' as const, agent: agent.id, effect: 'block' as const, reason: 'once' };
    const first = await engageSwitch(SETUP, input);
    expect(await engageSwitch(SETUP, { ...input, reason: 'twice' })).toEqual({ id: first.id, changed: false });
    const types = await db().auditEvent.findMany({
      where: { agentId: agent.id, type: { startsWith: 'switch.' } },
      orderBy: { seq: 'asc' },
    });
    expect(types.map((e) => e.type)).toEqual(['switch.engaged', 'switch.engage_unchanged']);
    const agentActor = { type: 'agent' as const, id: agent.id, name: 'x', keyId: 'k' };
    await expect(engageSwitch(agentActor, input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(releaseSwitch(agentActor, { id: first.id, reason: 'let me go' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await releaseSwitch(SETUP, { id: first.id, reason: 'done' });
  });

  test('the agent API lists the switches that apply to the agent, not to others', async ({ baseURL }) => {
    const { agent, key, tool } = await seedAgentWithTool();
    const other = await seedAgentWithTool();
    const mine = await engageSwitch(SETUP, {
      scope: 'agent-tool',
      agent: agent.id,
      tool: tool.name,
      effect: 'review-all',
      reason: 'watching',
    });
    const theirs = await engageSwitch(SETUP, {
      scope: 'agent',
      agent: other.agent.id,
      effect: 'block',
      reason: 'not yours',
    });
    const authority = await agentClient(baseURL!, key).authority();
    expect(authority.status).toBe(200);
    const ids = authority.body.switches.map((s: { id: string }) => s.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(authority.body.switches.find((s: { id: string }) => s.id === mine.id)).toMatchObject({
      scope: 'agent-tool',
      tool: tool.name,
      effect: 'review-all',
      reason: 'watching',
      since: expect.any(String),
    });
    for (const { id } of [mine, theirs]) await releaseSwitch(SETUP, { id, reason: 'done' });
  });

  test('a person releases with a reason and their password; a wrong password is refused', async () => {
    const owner = await createTestUser(['owner']);
    const { agent } = await seedAgentWithTool({ owner });
    const { id } = await engageSwitch(owner.actor, {
      scope: 'agent',
      agent: agent.id,
      effect: 'draft-only',
      reason: 'owner holds writes',
    });
    await expect(releaseSwitch(owner.actor, { id, reason: 'fine', password: 'wrong-password' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(releaseSwitch(owner.actor, { id, reason: 'fine' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await releaseSwitch(owner.actor, { id, reason: 'fine', password: TEST_PASSWORD })).toEqual({
      id,
      changed: true,
    });
    const released = await db().auditEvent.findFirstOrThrow({ where: { agentId: agent.id, type: 'switch.released' } });
    expect(JSON.parse(released.payload)).toMatchObject({ switchId: id, reason: 'fine', breakGlass: false });
    // An owner cannot touch another owner's agent, nor switch everything.
    const stranger = await createTestUser(['owner']);
    await expect(
      engageSwitch(stranger.actor, { scope: 'agent', agent: agent.id, effect: 'block', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      engageSwitch(owner.actor, { scope: 'global', effect: 'review-all', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('a block switch racing 16 concurrent claims: every claim that ran after the engage committed is refused', async ({
    baseURL,
  }) => {
    const { agent, key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const client = agentClient(baseURL!, key);
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) ids.push(await proposeTicket(client, tool, 'approved'));
    const [engaged, ...claims] = await Promise.all([
      engageSwitch(SETUP, { scope: 'agent', agent: agent.id, effect: 'block', reason: 'race' }),
      ...ids.map((id) => client.claim(id)),
    ]);
    const engagedEvent = await db().auditEvent.findFirstOrThrow({
      where: { agentId: agent.id, type: 'switch.engaged' },
    });
    for (const [i, id] of ids.entries()) {
      const status = await actionStatusInDatabase(id);
      const event = await db().auditEvent.findFirstOrThrow({
        where: { actionId: id, type: { in: ['action.claimed', 'action.claim_blocked'] } },
      });
      // Executing only if its claim committed before the engage; blocked, naming the switch, if after.
      if (status === 'executing') expect(event.seq, id).toBeLessThan(engagedEvent.seq);
      else {
        expect(status).toBe('blocked');
        expect(event.seq, id).toBeGreaterThan(engagedEvent.seq);
        expect(claims[i].body.error.reasons[0]).toContain(`switch ${engaged.id}`);
      }
    }
    await releaseSwitch(SETUP, { id: engaged.id, reason: 'done' });
  });
});
