import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { auditEventsOfAction, auditEventsOfAgent } from '../fixtures/audit';
import { SETUP } from '../fixtures/factories';
import { refund, seedGrantedAgent } from '../fixtures/gate-factories';
import { appModule } from '../fixtures/app-module';
import type { GrantRulesInput } from '@/lib/grants/schemas';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { setRequesterKey } = appModule<typeof import('@/lib/agents/set-requester-key')>(
  '@/lib/agents/set-requester-key',
);

const ISSUER = 'https://idp.warden.test';
const REJECTED = 'blocked: requester assertion rejected: ';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
type Claims = {
  sub?: string;
  roles?: string[];
  iss?: string;
  exp?: number | null;
  aud?: string | null;
  iat?: number;
  [claim: string]: unknown;
};

// Assertions are for this Warden: `aud` is the origin of its NEXTAUTH_URL, which is the test server's base URL.
let audience = '';
test.beforeEach(({ baseURL }) => {
  audience = new URL(baseURL!).origin;
});

async function sign(privateKey: PrivateKey, claims: Claims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { exp = now + 300, iss = ISSUER, sub = 'alice@customer.test', aud = audience, iat = now, ...rest } = claims;
  const jwt = new SignJWT({ roles: [], ...rest })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(sub)
    .setIssuer(iss)
    .setIssuedAt(iat);
  if (exp !== null) jwt.setExpirationTime(exp);
  if (aud !== null) jwt.setAudience(aud);
  return jwt.sign(privateKey);
}

/** An agent whose backend signs requester assertions with an ES256 key; Warden holds the public key and issuer. */
async function seedWithRequesterKey(rules: Partial<GrantRulesInput> = {}) {
  const seeded = await seedGrantedAgent(rules);
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  await setRequesterKey(
    seeded.owner.actor,
    { id: seeded.agent.id },
    { key: await exportSPKI(publicKey), issuer: ISSUER },
  );
  return { ...seeded, privateKey };
}

test.describe('requester assertions (POST /api/v1/actions with requesterAssertion)', () => {
  test('a valid assertion makes its subject the verified requester, over any requester the agent claims', async ({
    baseURL,
  }) => {
    const { agent: agentRow, owner, tool, key, privateKey } = await seedWithRequesterKey();
    const agent = agentClient(baseURL!, key);
    const assertion = await sign(privateKey, { sub: 'alice@customer.test', roles: ['support'] });

    const reply = await agent.request(
      'POST',
      '/api/v1/actions',
      JSON.stringify({
        tool: tool.name,
        params: refund(20),
        requester: 'mallory@evil.test',
        requesterAssertion: assertion,
      }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'approved' });
    expect((await agent.getAction(reply.body.id)).body).toMatchObject({
      requester: 'alice@customer.test',
      requesterVerified: true,
    });
    expect((await auditEventsOfAction(reply.body.id))[0].payload).toMatchObject({ requester: 'alice@customer.test' });
    expect((await auditEventsOfAgent(agentRow.id)).find((e) => e.type === 'agent.requester_key_set')).toMatchObject({
      actorId: owner.id,
      payload: { issuer: ISSUER, configured: true },
    });

    const unverified = await agent.propose({ tool: tool.name, params: refund(21), requester: 'bob@customer.test' });
    expect((await agent.getAction(unverified.body.id)).body).toMatchObject({
      requester: 'bob@customer.test',
      requesterVerified: false,
    });
  });

  test('a wrong signature, an expired assertion, a wrong issuer, no expiry, no or another audience, an old or century-long assertion, or no JWT at all are blocked with the cause', async ({
    baseURL,
  }) => {
    const { tool, key, privateKey } = await seedWithRequesterKey();
    const agent = agentClient(baseURL!, key);
    const stranger = await generateKeyPair('ES256');
    const cases: [string, string][] = [
      [await sign(stranger.privateKey), 'signature verification failed'],
      [await sign(privateKey, { exp: Math.floor(Date.now() / 1000) - 3600 }), 'the assertion has expired'],
      [await sign(privateKey, { iss: 'https://other-idp.test' }), 'claim check failed: unexpected "iss" claim value'],
      [await sign(privateKey, { exp: null }), 'claim check failed: missing required "exp" claim'],
      [await sign(privateKey, { aud: null }), 'claim check failed: missing required "aud" claim'],
      [
        await sign(privateKey, { aud: 'https://another-service.test' }),
        'claim check failed: unexpected "aud" claim value',
      ],
      [await sign(privateKey, { iat: Math.floor(Date.now() / 1000) - 900 }), 'the assertion has expired'],
      [
        await sign(privateKey, { exp: Math.floor(Date.now() / 1000) + 100 * 365 * 86_400 }),
        'the assertion lives longer than 5 minutes (exp too far after iat)',
      ],
      ['not.a.jwt', 'not a valid JWT'],
    ];
    for (const [assertion, cause] of cases) {
      const reply = await agent.request(
        'POST',
        '/api/v1/actions',
        JSON.stringify({ tool: tool.name, params: refund(20), requesterAssertion: assertion }),
      );
      expect(reply.status, cause).toBe(201);
      expect(reply.body, cause).toMatchObject({ status: 'blocked', decision: { reasons: [REJECTED + cause] } });
      expect((await agent.getAction(reply.body.id)).body, cause).toMatchObject({
        requesterVerified: false,
        requester: null,
      });
    }
  });

  test('an HS256 assertion keyed with the public key (algorithm confusion) is blocked', async ({ baseURL }) => {
    const { tool, key, agent: agentRow } = await seedWithRequesterKey();
    const row = await db().agent.findUniqueOrThrow({ where: { id: agentRow.id } });
    const forged = await new SignJWT({ roles: ['finance'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory@evil.test')
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(row.requesterKey!));
    const reply = await agentClient(baseURL!, key).request(
      'POST',
      '/api/v1/actions',
      JSON.stringify({ tool: tool.name, params: refund(20), requesterAssertion: forged }),
    );
    expect(reply.body.status).toBe('blocked');
    expect(reply.body.decision.reasons).toEqual([expect.stringMatching(/^blocked: requester assertion rejected: /)]);
  });

  test('a grant requiring role finance blocks a requester without it and allows one with it', async ({ baseURL }) => {
    const { tool, key, privateKey } = await seedWithRequesterKey({ requester: { roles: ['finance'] } });
    const agent = agentClient(baseURL!, key);
    const propose = async (roles: string[]) =>
      agent.request(
        'POST',
        '/api/v1/actions',
        JSON.stringify({ tool: tool.name, params: refund(20), requesterAssertion: await sign(privateKey, { roles }) }),
      );

    const without = await propose(['support']);
    expect(without.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: ['blocked: requester lacks role finance'] },
    });
    const withRole = await propose(['support', 'finance']);
    expect(withRole.body).toMatchObject({ status: 'approved' });
    expect((await agent.getAction(withRole.body.id)).body).toMatchObject({
      requester: 'alice@customer.test',
      requesterVerified: true,
    });
  });

  test('a grant requiring an attribute checks the claim of that name', async ({ baseURL }) => {
    const { tool, key, privateKey } = await seedWithRequesterKey({
      requester: { roles: [], attributes: { region: 'eu' } },
    });
    const agent = agentClient(baseURL!, key);
    const propose = async (region: string) =>
      agent.request(
        'POST',
        '/api/v1/actions',
        JSON.stringify({ tool: tool.name, params: refund(20), requesterAssertion: await sign(privateKey, { region }) }),
      );

    expect((await propose('us')).body).toMatchObject({
      status: 'blocked',
      decision: { reasons: ['blocked: requester region is not eu'] },
    });
    expect((await propose('eu')).body).toMatchObject({ status: 'approved' });
  });

  test('a grant requiring a verified requester blocks a proposal without an assertion, even naming a requester', async ({
    baseURL,
  }) => {
    const { tool, key } = await seedWithRequesterKey({ requester: { roles: [] } });
    const reply = await agentClient(baseURL!, key).propose({
      tool: tool.name,
      params: refund(20),
      requester: 'alice@customer.test',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: ['blocked: grant requires a verified requester'] },
    });
  });

  test('an agent with no requester key configured cannot vouch for anyone', async ({ baseURL }) => {
    const { tool, key } = await seedGrantedAgent();
    const { privateKey } = await generateKeyPair('ES256');
    const reply = await agentClient(baseURL!, key).request(
      'POST',
      '/api/v1/actions',
      JSON.stringify({ tool: tool.name, params: refund(20), requesterAssertion: await sign(privateKey) }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'blocked',
      decision: { reasons: [`${REJECTED}this agent has no requester key configured`] },
    });
  });

  test('a JWK works as the key; clearing the key blocks assertions again; a key that is not one is refused', async ({
    baseURL,
  }) => {
    const { agent: agentRow, owner, tool, key } = await seedGrantedAgent();
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const setKey = setRequesterKey;
    await setKey(owner.actor, { id: agentRow.id }, { key: JSON.stringify(await exportJWK(publicKey)), issuer: ISSUER });
    const agent = agentClient(baseURL!, key);
    const propose = async () =>
      agent.request(
        'POST',
        '/api/v1/actions',
        JSON.stringify({ tool: tool.name, params: refund(20), requesterAssertion: await sign(privateKey) }),
      );

    expect((await propose()).body).toMatchObject({ status: 'approved' });
    await setKey(owner.actor, { id: agentRow.id }, { key: null });
    expect((await propose()).body).toMatchObject({
      status: 'blocked',
      decision: { reasons: [`${REJECTED}this agent has no requester key configured`] },
    });

    await expect(
      setKey(SETUP, { id: agentRow.id }, { key: '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'key' }] },
    });
  });
});
