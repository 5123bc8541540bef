import { test, expect } from '../fixtures/test';
import { createTestUser, seedAgentWithTool, VALID_TICKET } from '../fixtures/factories';
import { agentClient } from '../fixtures/agent-client';
import { openTestIncident } from '../fixtures/return-to-normal';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { approveReturnToNormal } = appModule<typeof import('@/lib/return-to-normal/approve-return-to-normal')>(
  '@/lib/return-to-normal/approve-return-to-normal',
);
const { requestReturnToNormal } = appModule<typeof import('@/lib/return-to-normal/request-return-to-normal')>(
  '@/lib/return-to-normal/request-return-to-normal',
);

// The return to normal's rules on each database (SQLite and PostgreSQL), on incidents of their own agents: one
// waiting request per target and one approval, also when admins race; approving releases and resumes, nothing else.

test('concurrent requests for one incident: exactly one waits, the others are refused', async () => {
  const admins = await Promise.all([0, 1, 2, 3].map(() => createTestUser(['admin'])));
  const { agent } = await seedAgentWithTool();
  const incident = await openTestIncident([agent], ['review-all']);
  const results = await Promise.allSettled(
    admins.map((admin, i) =>
      requestReturnToNormal(admin.actor, { target: { incidentId: incident.id }, reason: `race ${i}` }),
    ),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  for (const refused of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'))
    expect(refused.reason).toMatchObject({ code: 'conflict' });
  expect(await db().returnToNormalRequest.count({ where: { incidentId: incident.id, status: 'pending' } })).toBe(1);
});

test('concurrent approvals by two other admins: one approves and releases, the other is told it was decided', async () => {
  const [requester, first, second] = await Promise.all([0, 1, 2].map(() => createTestUser(['admin'])));
  const { agent } = await seedAgentWithTool();
  const incident = await openTestIncident([agent], ['pause', 'draft-only']);
  const { id } = await requestReturnToNormal(requester.actor, {
    target: { incidentId: incident.id },
    reason: 'contained',
  });
  await expect(approveReturnToNormal(requester.actor, { requestId: id })).rejects.toMatchObject({
    code: 'forbidden',
  });

  const results = await Promise.allSettled(
    [first, second].map((admin) => approveReturnToNormal(admin.actor, { requestId: id })),
  );
  const approved = results.filter((r) => r.status === 'fulfilled');
  expect(approved).toHaveLength(1);
  expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
    code: 'conflict',
  });
  expect(
    (approved[0] as PromiseFulfilledResult<{ releasedSwitches: string[]; resumedAgents: string[] }>).value,
  ).toMatchObject({ releasedSwitches: incident.switchIds, resumedAgents: [agent.name] });

  const database = db();
  expect((await database.switch.findUniqueOrThrow({ where: { id: incident.switchIds[0] } })).engaged).toBe(false);
  expect((await database.agent.findUniqueOrThrow({ where: { id: agent.id } })).status).toBe('active');
  expect(
    await database.auditEvent.count({ where: { type: 'return_to_normal.approved', payload: { contains: id } } }),
  ).toBe(1);
  expect(await database.auditEvent.count({ where: { type: 'agent.resumed', agentId: agent.id } })).toBe(1);
});

test('approving releases and resumes only: a waiting action stays waiting, an action the stop refused stays refused', async ({
  baseURL,
}) => {
  const [requester, approver] = await Promise.all([0, 1].map(() => createTestUser(['admin'])));
  const { agent, key, tool } = await seedAgentWithTool({ approvalRequired: true });
  const client = agentClient(baseURL!, key);
  const waiting = await client.propose({ tool: tool.name, params: VALID_TICKET });
  expect(waiting.body.status).toBe('pending_review');
  const incident = await openTestIncident([agent], ['pause']);
  const refused = await client.propose({ tool: tool.name, params: VALID_TICKET });
  expect(refused.body.status).toBe('blocked');
  const { id } = await requestReturnToNormal(requester.actor, {
    target: { incidentId: incident.id },
    reason: 'done',
  });
  await approveReturnToNormal(approver.actor, { requestId: id });
  const database = db();
  expect((await database.action.findUniqueOrThrow({ where: { id: waiting.body.id } })).status).toBe('pending_review');
  expect((await database.action.findUniqueOrThrow({ where: { id: refused.body.id } })).status).toBe('blocked');
});
