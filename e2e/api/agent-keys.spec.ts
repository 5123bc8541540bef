import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { auditEventsOfAgent } from '../fixtures/audit';
import { createTestUser, SETUP } from '../fixtures/factories';
import { refund, seedGrantedAgent } from '../fixtures/gate-factories';
import { appModule } from '../fixtures/app-module';

const { createAgentKey } = appModule<typeof import('@/lib/agents/create-agent-key')>('@/lib/agents/create-agent-key');
const { revokeAgentKey } = appModule<typeof import('@/lib/agents/revoke-agent-key')>('@/lib/agents/revoke-agent-key');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { rotateAgentKey } = appModule<typeof import('@/lib/agents/rotate-agent-key')>('@/lib/agents/rotate-agent-key');

const HOUR = 3600_000;

async function statusWith(baseURL: string, key: string): Promise<number> {
  return (await agentClient(baseURL, key).authority()).status;
}

test.describe('agent keys: expiry, rotation, revocation', () => {
  test('a key with a future expiry works; once past its expiry it gets 401 on every call', async ({ baseURL }) => {
    const { agent, tool } = await seedGrantedAgent();
    const expiresAt = new Date(Date.now() + HOUR);
    const { key, keyId } = await createAgentKey(SETUP, { id: agent.id }, { label: 'ci', expiresAt });
    const client = agentClient(baseURL!, key);

    expect((await client.authority()).body.agent.id).toBe(agent.id);
    const proposed = await client.propose({ tool: tool.name, params: refund(20) });
    expect(proposed.status).toBe(201);
    const created = (await auditEventsOfAgent(agent.id)).find(
      (e) => e.type === 'agent_key.created' && (e.payload as { keyId: string }).keyId === keyId,
    );
    expect(created?.payload).toMatchObject({ label: 'ci', expiresAt: expiresAt.toISOString() });

    // Time has passed: the stored expiry is now behind us.
    await db().agentKey.update({ where: { id: keyId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const reply of [
      await client.authority(),
      await client.propose({ tool: tool.name, params: refund(21) }),
      await client.getAction(proposed.body.id),
    ]) {
      expect(reply.status).toBe(401);
      expect(reply.body.error.code).toBe('unauthenticated');
    }
  });

  test('a key cannot be created already expired', async () => {
    const { agent } = await seedGrantedAgent();
    await expect(
      createAgentKey(SETUP, { id: agent.id }, { expiresAt: new Date(Date.now() - HOUR) }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'expiresAt' }] },
    });
  });

  test('rotation with an overlap: old and new keys both work; a rotation with no overlap ends the old key at once', async ({
    baseURL,
  }) => {
    const { agent, owner, key: first, keyId: firstId } = await seedGrantedAgent();

    const second = await rotateAgentKey(owner.actor, { keyId: firstId, overlapMinutes: 60 });
    expect(second.key).not.toBe(first);
    expect(new Date(second.oldKeyExpiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(await statusWith(baseURL!, first)).toBe(200);
    expect(await statusWith(baseURL!, second.key)).toBe(200);
    const rotated = (await auditEventsOfAgent(agent.id)).filter((e) => e.type === 'agent_key.rotated');
    expect(rotated).toHaveLength(1);
    expect(rotated[0]).toMatchObject({
      actorId: owner.id,
      payload: { keyId: second.keyId, replacedKeyId: firstId, oldKeyExpiresAt: second.oldKeyExpiresAt },
    });

    const third = await rotateAgentKey(owner.actor, { keyId: second.keyId, overlapMinutes: 0 });
    expect(await statusWith(baseURL!, second.key)).toBe(401);
    expect(await statusWith(baseURL!, third.key)).toBe(200);
    expect(await statusWith(baseURL!, first), 'the first key keeps its own overlap').toBe(200);

    await expect(rotateAgentKey(owner.actor, { keyId: second.keyId, overlapMinutes: 60 })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  test('rotation refuses an out-of-range overlap and a stranger', async () => {
    const { keyId } = await seedGrantedAgent();
    const stranger = await createTestUser(['owner'], 'Other Owner');
    await expect(rotateAgentKey(SETUP, { keyId, overlapMinutes: -1 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(rotateAgentKey(SETUP, { keyId, overlapMinutes: 24 * 7 * 60 + 1 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(rotateAgentKey(stranger.actor, { keyId, overlapMinutes: 60 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await db().agentKey.findUniqueOrThrow({ where: { id: keyId } })).toMatchObject({
      expiresAt: null,
      revokedAt: null,
    });
  });

  test('a revoked key gets 401 on the very next request; revoking it again is a conflict', async ({ baseURL }) => {
    const { agent, owner, key, keyId, tool } = await seedGrantedAgent();
    const client = agentClient(baseURL!, key);
    expect((await client.propose({ tool: tool.name, params: refund(20) })).status).toBe(201);

    await revokeAgentKey(owner.actor, keyId);
    expect((await client.propose({ tool: tool.name, params: refund(21) })).status).toBe(401);
    expect((await auditEventsOfAgent(agent.id)).at(-1)).toMatchObject({
      type: 'agent_key.revoked',
      actorId: owner.id,
      payload: { keyId },
    });
    await expect(revokeAgentKey(owner.actor, keyId)).rejects.toMatchObject({ code: 'conflict' });
    await expect(rotateAgentKey(owner.actor, { keyId, overlapMinutes: 60 })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  test('no audit payload ever contains a key or its hash', async ({ baseURL }) => {
    const { agent, owner, key, keyId, tool } = await seedGrantedAgent();
    const extra = await createAgentKey(owner.actor, { id: agent.id }, { label: 'extra' });
    const rotated = await rotateAgentKey(owner.actor, { keyId, overlapMinutes: 5 });
    for (const k of [key, extra.key, rotated.key]) {
      const client = agentClient(baseURL!, k);
      await client.propose({ tool: tool.name, params: refund(20), requester: k });
      await client.authority();
    }
    await revokeAgentKey(owner.actor, extra.keyId);

    const stored = await db().agentKey.findMany({ where: { agentId: agent.id }, select: { hash: true } });
    expect(stored).toHaveLength(3);
    const secrets = [key, extra.key, rotated.key, ...stored.map((row) => row.hash)];
    const events = await auditEventsOfAgent(agent.id);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['agent_key.created', 'agent_key.rotated', 'agent_key.revoked', 'action.proposed']),
    );
    // The agent named its own key as the requester: proof that the scan would see one if it were written.
    const planted = events.filter((e) => secrets.some((secret) => JSON.stringify(e.payload).includes(secret)));
    expect(planted.map((e) => e.type).sort()).toEqual(['action.proposed', 'action.proposed', 'action.proposed']);
    const keyEvents = events.filter((e) => e.type.startsWith('agent_key.') || e.type === 'agent.created');
    for (const event of keyEvents) {
      const text = JSON.stringify(event.payload);
      for (const secret of secrets) expect(text, event.type).not.toContain(secret);
      expect(text, event.type).not.toMatch(/wdn_[A-Za-z0-9_-]{20,}/);
    }
  });
});
