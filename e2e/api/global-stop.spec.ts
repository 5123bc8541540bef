import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { actionStatusInDatabase, auditEventsOfAction } from '../fixtures/audit';
import { createTestUser, seedAgentWithTool, VALID_TICKET } from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { engageGlobalStop, releaseGlobalStop } = appModule<typeof import('@/lib/kill-switches/set-global-stop')>(
  '@/lib/kill-switches/set-global-stop',
);

// The global stop halts every agent on the server: these specs run alone, one after the other (see playwright.config.ts).
test.describe.configure({ mode: 'serial' });

// A person releases the global stop through the return to normal (two admins; e2e/ui/return-to-normal.spec.ts); here
// the CLI's break-glass release, which is what these specs are about: what a stop does, not who lifts it.
const CLI = { type: 'cli', id: 'global-stop-spec' } as const;

test.describe('global stop', () => {
  test.afterEach(async () => {
    await releaseGlobalStop({ type: 'cli', id: 'test' });
  });

  test('blocks every proposal while engaged, and only while engaged', async ({ baseURL }) => {
    const admin = await createTestUser(['admin']);
    const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);

    expect(await engageGlobalStop(admin.actor)).toEqual({ changed: true });
    const stopped = await agent.propose({ tool: tool.name, params: VALID_TICKET });
    expect(stopped.status).toBe(201);
    expect(stopped.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: expect.arrayContaining([expect.stringContaining('global stop is engaged')]) },
    });
    expect((await auditEventsOfAction(stopped.body.id)).map((e) => e.type)).toEqual([
      'action.proposed',
      'gate.decided',
    ]);

    expect(await releaseGlobalStop(CLI, 'spec done')).toEqual({ changed: true });
    expect((await agent.propose({ tool: tool.name, params: VALID_TICKET })).body.status).toBe('approved');
  });

  test('an action approved before the stop is blocked at claim and stays blocked after release', async ({
    baseURL,
  }) => {
    const admin = await createTestUser(['admin']);
    const reviewer = await createTestUser(['reviewer']);
    const { key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const agent = agentClient(baseURL!, key);
    const id = await proposeTicket(agent, tool, 'pending_review');
    await approveAction(reviewer.actor, { actionId: id });

    await engageGlobalStop(admin.actor);
    const claim = await agent.claim(id);
    expect(claim.status).toBe(409);
    expect(claim.body.error).toMatchObject({
      code: 'conflict',
      status: 'blocked',
      reasons: expect.arrayContaining([expect.stringContaining('global stop is engaged')]),
    });

    await releaseGlobalStop(CLI, 'spec done');
    expect(await actionStatusInDatabase(id)).toBe('blocked');
    const retry = await agent.claim(id);
    expect(retry.status).toBe(409);
    expect(retry.body.error.status).toBe('blocked');
    expect((await agent.getAction(id)).body.decision.reason).toContain('blocked at claim: global stop is engaged');
    expect((await auditEventsOfAction(id)).map((e) => e.type)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.approved',
      'action.claim_blocked',
    ]);
  });

  test('engaging and releasing are audited once each; repeating either changes nothing', async () => {
    const admin = await createTestUser(['admin']);
    const cli = { type: 'cli', id: `global-stop-spec-${admin.id}` } as const;
    const events = () =>
      db().auditEvent.findMany({
        where: {
          OR: [{ actorId: admin.id }, { actorType: 'cli', actorId: cli.id }],
          type: { in: ['switch.global_stop_engaged', 'switch.global_stop_released'] },
        },
        orderBy: { seq: 'asc' },
      });

    await engageGlobalStop(admin.actor);
    expect(await engageGlobalStop(admin.actor)).toEqual({ changed: false });
    // A person's release in the console is refused, pointing at the return to normal (before any password is asked).
    await expect(releaseGlobalStop(admin.actor, 'spec done', admin.password)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('return to normal'),
    });
    await releaseGlobalStop(cli, 'spec done');
    expect(await releaseGlobalStop(cli, 'spec done')).toEqual({ changed: false });
    expect((await events()).map((e) => e.type)).toEqual(['switch.global_stop_engaged', 'switch.global_stop_released']);
    // The repeated engage is audited as a no-op of its own.
    expect(await db().auditEvent.count({ where: { actorId: admin.id, type: 'switch.engage_unchanged' } })).toBe(1);
  });

  test('only an admin can engage it', async () => {
    for (const roles of [['reviewer'], ['owner'], ['viewer']] as const) {
      const user = await createTestUser([...roles]);
      await expect(engageGlobalStop(user.actor), roles[0]).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
  });
});
