import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { auditEventsOfAction } from '../fixtures/audit';
import { createTestAgent, createTestAgentKey, createTestTool, createTestUser, SETUP } from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');

/** An agent whose grant needs one approval, with the given review settings. */
async function seedReviewed(
  baseURL: string,
  rules: { reviewTimeoutMinutes?: number; ownerMayApprove?: boolean },
  owner?: Awaited<ReturnType<typeof createTestUser>>,
) {
  const agent = await createTestAgent({ owner });
  const tool = await createTestTool();
  await grantTool(SETUP, { agent: { id: agent.id }, tool: tool.name, rules: { approvals: 1, ...rules } });
  const { key } = await createTestAgentKey(agent);
  return { agent, tool, client: agentClient(baseURL, key) };
}

/** Moves an action's review deadline, as if it had been proposed earlier. */
async function setDeadline(actionId: string, at: Date) {
  await db().$transaction((tx) => tx.action.update({ where: { id: actionId }, data: { expiresAt: at } }));
}

// Expiry itself is proven on both databases by lib/actions/expire-action.test.ts; this proves the agent's long poll.
test.describe('review deadlines', () => {
  test("a pending action expires at its deadline: the agent's wait returns expired and it can no longer be approved or claimed", async ({
    baseURL,
  }) => {
    const { tool, client } = await seedReviewed(baseURL!, { reviewTimeoutMinutes: 30 });
    const id = await proposeTicket(client, tool, 'pending_review');
    const row = await db().action.findUniqueOrThrow({ where: { id } });
    const minutes = (row.expiresAt!.getTime() - row.createdAt.getTime()) / 60_000;
    expect(Math.round(minutes)).toBe(30);

    await setDeadline(id, new Date(Date.now() + 1500));
    const waited = await client.getAction(id, '?wait=20');
    expect(waited.status).toBe(200);
    expect(waited.body).toMatchObject({ status: 'expired', decision: { decidedBy: null } });
    expect(waited.body.decision.reason).toContain('no decision before the deadline');

    const reviewer = await createTestUser(['reviewer']);
    await expect(approveAction(reviewer.actor, { actionId: id })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'expired' },
    });
    const claim = await client.claim(id);
    expect(claim.status).toBe(409);
    expect(claim.body.error.status).toBe('expired');
    const types = (await auditEventsOfAction(id)).map((event) => event.type);
    expect(types.filter((type) => type === 'action.expired')).toHaveLength(1);
    expect(types).not.toContain('action.approved');
  });
});
