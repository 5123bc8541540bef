import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, seedAgentWithTool, uniqueName, VALID_TICKET } from '../fixtures/factories';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

const openIncident = () =>
  appModule<typeof import('@/lib/incidents/open-incident')>('@/lib/incidents/open-incident').openIncident;

// Containment chosen at opening takes effect on the agent's very next call, on both databases (issue 13 §3).
test('review-all sends a granted proposal to review; pause blocks it; revoke-keys refuses the key', async ({
  baseURL,
}) => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const { agent, tool, key } = await seedAgentWithTool({ approvalRequired: false });
  const client = agentClient(baseURL!, key);
  expect((await client.propose({ tool: tool.name, params: VALID_TICKET })).body.status).toBe('approved');
  const since = new Date(Date.now() - 3600_000);

  const reviewAll = await openIncident()(admin.actor, {
    title: uniqueName('review everything'),
    agents: [agent.id],
    windowStart: since,
    containment: ['review-all'],
  });
  const reviewed = await client.propose({ tool: tool.name, params: VALID_TICKET });
  expect(reviewed.body.status).toBe('pending_review');
  expect(JSON.stringify(reviewed.body)).toContain('review everything');
  const sw = await db().switch.findUniqueOrThrow({ where: { id: reviewAll.switchIds[0] } });
  expect(sw).toMatchObject({ incidentId: reviewAll.id, engaged: true, agentId: agent.id });

  await openIncident()(admin.actor, {
    title: uniqueName('pause it'),
    agents: [agent.name],
    windowStart: since,
    containment: ['pause'],
  });
  expect((await client.propose({ tool: tool.name, params: VALID_TICKET })).body.status).toBe('blocked');

  const revoked = await openIncident()(admin.actor, {
    title: uniqueName('keys out'),
    agents: [agent.id],
    windowStart: since,
    containment: ['revoke-keys'],
  });
  expect(revoked.revokedKeys).toBe(1);
  expect((await client.propose({ tool: tool.name, params: VALID_TICKET })).status).toBe(401);
});
