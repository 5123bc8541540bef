import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, seedAgentWithTool } from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { serverActionRequest } from '../fixtures/server-actions';
import { signInWithRequest } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

const agentStatus = async (id: string) => (await db().agent.findUniqueOrThrow({ where: { id } })).status;

test.describe('an agent key is not a console session', () => {
  test('console pages answer a Bearer agent key with the sign-in redirect', async ({ baseURL }) => {
    const { agent: agentRow, key, tool } = await seedAgentWithTool({ approvalRequired: true });
    const agent = agentClient(baseURL!, key);
    const actionId = await proposeTicket(agent, tool, 'pending_review');

    for (const page of ['/queue', `/actions/${actionId}`, `/agents/${agentRow.id}`, '/agents', '/audit']) {
      const reply = await agent.request('GET', page);
      expect(reply.status, page).toBe(307);
      const location = new URL(reply.location ?? '', baseURL);
      expect(location.pathname, page).toBe('/sign-in');
      expect(location.searchParams.get('callbackUrl'), page).toBe(page);
    }
  });

  test('next-auth sees no session behind a Bearer agent key', async ({ baseURL }) => {
    const { key } = await seedAgentWithTool();
    const reply = await agentClient(baseURL!, key).request('GET', '/api/auth/session');
    expect(reply.status).toBe(200);
    expect(reply.body?.userId).toBeUndefined();
  });

  test('a server action sent with an agent key does nothing, while the same request from an admin session acts', async ({
    baseURL,
    request,
  }) => {
    const { agent: agentRow, key } = await seedAgentWithTool();
    const agent = agentClient(baseURL!, key);
    const pause = serverActionRequest('setAgentStatusMutation', [{ agentId: agentRow.id, to: 'paused' }]);

    for (const page of [`/agents/${agentRow.id}`, '/sign-in']) {
      const reply = await agent.request('POST', page, pause.body, pause.headers);
      expect(reply.status, page).not.toBe(500);
      expect(await agentStatus(agentRow.id), `POST ${page} with the agent key`).toBe('active');
    }
    expect((await agent.authority()).body.agent.status).toBe('active');

    const admin = await createTestUser(['admin']);
    await signInWithRequest(request, admin.email, admin.password);
    const asAdmin = await request.post(`/agents/${agentRow.id}`, { headers: pause.headers, data: pause.body });
    expect(asAdmin.status()).toBe(200);
    expect(await agentStatus(agentRow.id), 'the control: the same request with a session pauses the agent').toBe(
      'paused',
    );
  });
});
