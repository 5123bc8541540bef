import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { actionStatusInDatabase } from '../fixtures/audit';
import { createTestUser, SETUP, seedAgentWithTool } from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { engageGlobalStop, releaseGlobalStop } = appModule<typeof import('@/lib/kill-switches/set-global-stop')>(
  '@/lib/kill-switches/set-global-stop',
);

// The global stop halts every agent on the server: this runs in the project that runs alone (see playwright.config.ts).
test.describe.configure({ mode: 'serial' });

test.afterEach(async () => {
  await releaseGlobalStop(SETUP);
});

test('the global stop racing 16 concurrent claims: nothing reaches executing after the stop commits', async ({
  baseURL,
}) => {
  const admin = await createTestUser(['admin']);
  const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
  const client = agentClient(baseURL!, key);
  const ids: string[] = [];
  for (let i = 0; i < 16; i++) ids.push(await proposeTicket(client, tool, 'approved'));
  const [, ...claims] = await Promise.all([
    engageGlobalStop(admin.actor, 'race at the stop'),
    ...ids.map((id) => client.claim(id)),
  ]);
  const engaged = await db().auditEvent.findFirstOrThrow({
    where: { actorId: admin.id, type: 'switch.global_stop_engaged' },
  });
  for (const [i, id] of ids.entries()) {
    const status = await actionStatusInDatabase(id);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { actionId: id, type: { in: ['action.claimed', 'action.claim_blocked'] } },
    });
    if (status === 'executing') expect(event.seq, id).toBeLessThan(engaged.seq);
    else {
      expect(status).toBe('blocked');
      expect(event.seq, id).toBeGreaterThan(engaged.seq);
      expect(claims[i].body.error.reasons[0]).toBe('global stop is engaged: race at the stop');
    }
  }
  // After the stop, a claim is refused, and the agent's view names the stop and its reason.
  const late = await proposeTicket(client, tool, 'blocked');
  expect((await client.getAction(late)).body.decision.reasons[0]).toBe(
    'blocked: global stop is engaged: race at the stop',
  );
  expect((await client.authority()).body.switches).toEqual([
    expect.objectContaining({ id: 'global_stop', scope: 'global', effect: 'block', reason: 'race at the stop' }),
  ]);
});
