import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { consoleSession, dataOf } from '../fixtures/console-session';
import {
  createTestAgent,
  createTestAgentKey,
  createTestTool,
  createTestUser,
  grantTestTool,
  uniqueName,
  VALID_TICKET,
} from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { appModule } from '../fixtures/app-module';

const { createAgent } = appModule<typeof import('@/lib/agents/create-agent')>('@/lib/agents/create-agent');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { archiveAgent } = appModule<typeof import('@/lib/agents/archive-agent')>('@/lib/agents/archive-agent');
const { updateAgent } = appModule<typeof import('@/lib/agents/update-agent')>('@/lib/agents/update-agent');

const agentRow = (id: string) => db().agent.findUniqueOrThrow({ where: { id } });
const lastEvent = (agentId: string, type: string) =>
  db().auditEvent.findFirst({ where: { agentId, type }, orderBy: { seq: 'desc' } });

/** The WardenError a domain call throws, as { status, message, details }. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (thrown: { status?: number; message: string; details?: Record<string, unknown> }) => thrown,
  );
  expect(error, 'the call was expected to be refused').not.toBeNull();
  return { status: error!.status, message: error!.message, details: error!.details };
}

test.describe('agents managed in the product', () => {
  test('an admin creates an agent in the console, gives it a key, and the agent proposes', async ({ baseURL }) => {
    const admin = await createTestUser(['admin']);
    const owner = await createTestUser(['owner']);
    const console = await consoleSession(baseURL!, admin);
    const name = uniqueName('onboarded');

    const bad = await console.call('createAgentMutation', { name: 'Not A Name', ownerId: owner.id }, '/agents/new');
    expect(bad).toMatchObject({
      ok: false,
      error: expect.stringContaining('Invalid input: name may hold only lowercase letters'),
    });
    const created = await console.call(
      'createAgentMutation',
      { name, ownerId: owner.id, purpose: 'files tickets', environment: 'test', monitoringNote: 'ops board' },
      '/agents/new',
    );
    const { agentId } = dataOf<{ agentId: string }>(created);
    expect(await agentRow(agentId)).toMatchObject({
      name,
      ownerId: owner.id,
      environment: 'test',
      mode: 'live',
      shutoffContact: owner.email,
      version: 1,
      archivedAt: null,
    });
    expect((await lastEvent(agentId, 'agent.created'))?.actorId).toBe(admin.id);

    const key = await console.call('createKeyMutation', { agentId, label: 'first' }, `/agents/${agentId}`);
    const tool = await createTestTool();
    await grantTestTool({ id: agentId }, tool, true);
    await proposeTicket(agentClient(baseURL!, dataOf<{ key: string }>(key).key), tool, 'pending_review');

    const duplicate = await console.call('createAgentMutation', { name, ownerId: owner.id }, '/agents/new');
    expect(duplicate).toMatchObject({
      ok: false,
      error: expect.stringContaining(`an agent named "${name}" already exists`),
    });
    const notAnOwner = await console.call(
      'createAgentMutation',
      { name: uniqueName('orphan'), ownerId: (await createTestUser(['reviewer'])).id },
      '/agents/new',
    );
    expect(notAnOwner).toMatchObject({
      ok: false,
      error: expect.stringContaining('owner: the owner must be an enabled user with the owner or admin role'),
    });

    const asOwner = await consoleSession(baseURL!, owner);
    expect(
      await asOwner.call('createAgentMutation', { name: uniqueName('by-owner'), ownerId: owner.id }, '/agents/new'),
    ).toMatchObject({ ok: false, error: expect.stringContaining('agents.manage') });
    await Promise.all([console.dispose(), asOwner.dispose()]);
  });

  test('an owner edits the purpose of their agent but can neither transfer nor archive it (403)', async ({
    baseURL,
  }) => {
    const agent = await createTestAgent();
    const other = await createTestUser(['owner']);
    const owner = await consoleSession(baseURL!, agent.owner);

    const edit = await owner.call(
      'updateAgentMutation',
      {
        agentId: agent.id,
        expectedVersion: 1,
        fields: { purpose: 'now also closes tickets', shutoffContact: 'pager: support-oncall' },
      },
      `/agents/${agent.id}`,
    );
    expect(edit).toEqual({ ok: true, data: { version: 2, changed: true } });
    expect((await lastEvent(agent.id, 'agent.updated'))?.payload).toBe(
      JSON.stringify({
        name: agent.name,
        version: 2,
        before: { purpose: 'end-to-end test agent', shutoffContact: agent.owner.email },
        after: { purpose: 'now also closes tickets', shutoffContact: 'pager: support-oncall' },
      }),
    );

    const transfer = await owner.call(
      'updateAgentMutation',
      { agentId: agent.id, expectedVersion: 2, fields: { ownerId: other.id } },
      `/agents/${agent.id}`,
    );
    expect(transfer).toMatchObject({
      ok: false,
      error: expect.stringContaining('owner: only an admin can change this'),
    });
    const environment = await refusal(updateAgent(agent.owner.actor, { id: agent.id }, { environment: 'test' }));
    expect(environment).toMatchObject({
      status: 403,
      details: { issues: [{ path: 'environment', message: 'admins only' }] },
    });
    expect(
      await owner.call('archiveAgentMutation', { agentId: agent.id, expectedVersion: 2 }, `/agents/${agent.id}`),
    ).toMatchObject({ ok: false, error: expect.stringContaining('agents.manage') });
    expect((await refusal(archiveAgent(agent.owner.actor, { id: agent.id }))).status).toBe(403);

    const stranger = await refusal(updateAgent(other.actor, { id: agent.id }, { purpose: 'hijacked' }));
    expect(stranger.status).toBe(403);
    expect(await agentRow(agent.id)).toMatchObject({
      ownerId: agent.owner.id,
      purpose: 'now also closes tickets',
      environment: 'production',
      archivedAt: null,
      version: 2,
    });
    await owner.dispose();
  });

  test('a transfer changes who controls the agent, audited with from and to', async ({ baseURL }) => {
    const agent = await createTestAgent();
    const admin = await createTestUser(['admin']);
    const next = await createTestUser(['owner']);
    const asAdmin = await consoleSession(baseURL!, admin);
    const transfer = await asAdmin.call(
      'updateAgentMutation',
      { agentId: agent.id, expectedVersion: 1, fields: { ownerId: next.id } },
      `/agents/${agent.id}`,
    );
    expect(transfer).toEqual({ ok: true, data: { version: 2, changed: true } });
    expect(JSON.parse((await lastEvent(agent.id, 'agent.ownership_transferred'))!.payload)).toMatchObject({
      from: { id: agent.owner.id, email: agent.owner.email },
      to: { id: next.id, email: next.email },
    });
    // The shutoff contact was the previous owner: it follows the agent to its new owner.
    expect((await agentRow(agent.id)).shutoffContact).toBe(next.email);

    const [previous, current] = await Promise.all([
      consoleSession(baseURL!, agent.owner),
      consoleSession(baseURL!, next),
    ]);
    const pause = { agentId: agent.id, to: 'paused' };
    expect(await previous.call('setAgentStatusMutation', pause, `/agents/${agent.id}`)).toMatchObject({
      ok: false,
      error: 'Only the owner of this agent or an admin can change it.',
    });
    expect(await current.call('setAgentStatusMutation', pause, `/agents/${agent.id}`)).toMatchObject({ ok: true });
    expect((await agentRow(agent.id)).status).toBe('paused');
    await Promise.all([asAdmin.dispose(), previous.dispose(), current.dispose()]);
  });

  test('archive revokes every key at once, closes waiting actions, and the name is never reused', async ({
    baseURL,
  }) => {
    const agent = await createTestAgent();
    const [reviewed, open] = [await createTestTool(), await createTestTool()];
    await grantTestTool(agent, reviewed, true);
    await grantTestTool(agent, open, false);
    const client = agentClient(baseURL!, (await createTestAgentKey(agent)).key);
    const second = agentClient(baseURL!, (await createTestAgentKey(agent)).key);
    const pending = await proposeTicket(client, reviewed, 'pending_review');
    const approved = await proposeTicket(client, open, 'approved');

    const admin = await createTestUser(['admin']);
    const asAdmin = await consoleSession(baseURL!, admin);
    const archived = await asAdmin.call(
      'archiveAgentMutation',
      { agentId: agent.id, expectedVersion: 1 },
      `/agents/${agent.id}`,
    );
    expect(archived).toMatchObject({ ok: true, data: { name: agent.name, rejectedActions: 1, blockedActions: 1 } });
    expect(dataOf<{ revokedKeys: string[] }>(archived).revokedKeys).toHaveLength(2);

    for (const key of [client, second]) expect((await key.authority()).status).toBe(401);
    expect((await client.propose({ tool: open.name, params: VALID_TICKET })).status).toBe(401);
    expect((await client.claim(approved)).status).toBe(401);
    const actions = await db().action.findMany({
      where: { id: { in: [pending, approved] } },
      select: { id: true, status: true, decisionReason: true },
    });
    expect(Object.fromEntries(actions.map((row) => [row.id, [row.status, row.decisionReason]]))).toEqual({
      [pending]: ['rejected', 'agent archived'],
      [approved]: ['blocked', 'agent archived'],
    });

    expect(
      await asAdmin.call('createAgentMutation', { name: agent.name, ownerId: agent.owner.id }, '/agents/new'),
    ).toMatchObject({ ok: false, error: expect.stringContaining('names are never reused') });
    expect((await refusal(createAgent(admin.actor, { name: agent.name, ownerId: agent.owner.id }))).status).toBe(409);
    // Read-only: no new key, no edit, no resume; history kept.
    expect(await asAdmin.call('createKeyMutation', { agentId: agent.id }, `/agents/${agent.id}`)).toMatchObject({
      ok: false,
      error: `Agent "${agent.name}" is archived: it is read-only.`,
    });
    expect((await refusal(updateAgent(admin.actor, { id: agent.id }, { purpose: 'revived' }))).status).toBe(409);
    expect(await db().action.count({ where: { agentId: agent.id } })).toBe(2);
    await asAdmin.dispose();
  });

  test('two admins editing at once: the second save is a 409 with the current state, nothing overwritten', async ({
    baseURL,
  }) => {
    const agent = await createTestAgent();
    const [ada, bo] = [await createTestUser(['admin']), await createTestUser(['admin'])];
    const [asAda, asBo] = await Promise.all([consoleSession(baseURL!, ada), consoleSession(baseURL!, bo)]);
    const both = await Promise.all([
      asAda.call(
        'updateAgentMutation',
        { agentId: agent.id, expectedVersion: 1, fields: { purpose: "Ada's purpose" } },
        `/agents/${agent.id}`,
      ),
      asBo.call(
        'updateAgentMutation',
        { agentId: agent.id, expectedVersion: 1, fields: { purpose: "Bo's purpose" } },
        `/agents/${agent.id}`,
      ),
    ]);
    const won = both.filter((reply) => reply.ok);
    const lost = both.filter((reply) => !reply.ok);
    expect(won).toHaveLength(1);
    expect(lost).toEqual([
      {
        ok: false,
        error: `Someone else changed agent "${agent.name}" first (now version 2). Reload it and apply your change again.`,
      },
    ]);
    const winner = both[0].ok ? "Ada's purpose" : "Bo's purpose";
    expect(await agentRow(agent.id)).toMatchObject({ purpose: winner, version: 2 });

    const conflict = await refusal(updateAgent(ada.actor, { id: agent.id }, { purpose: 'stale', expectedVersion: 1 }));
    expect(conflict).toMatchObject({ status: 409, details: { current: { version: 2, purpose: winner } } });
    await Promise.all([asAda.dispose(), asBo.dispose()]);
  });
});
