import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * The agent API's wrapper: the key decides first. Work started early (the proposal route reads its body and issues
 * the gate's reads while the key is looked up) is seen only once the key is good, so a bad key is a 401 whatever the
 * body was, exactly as on the routes that start nothing early.
 */
type Route = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

describe.each(TEST_DATABASES)('agentRoute on %s', (kind) => {
  useTestDatabase(kind, 'warden-agent-route');
  let w: typeof import('../seed/test-world');
  let agentRoute: typeof import('./agent-route').agentRoute;
  let createAgentKey: typeof import('../agents/create-agent-key').createAgentKey;
  let revokeAgentKey: typeof import('../agents/revoke-agent-key').revokeAgentKey;
  let BodyTooLargeError: typeof import('./read-body').BodyTooLargeError;
  beforeAll(async () => {
    // After useTestDatabase's module reset, like every app module the suite uses (one instance of each error class).
    ({ BodyTooLargeError } = await import('./read-body'));
    w = await import('../seed/test-world');
    ({ agentRoute } = await import('./agent-route'));
    ({ createAgentKey } = await import('../agents/create-agent-key'));
    ({ revokeAgentKey } = await import('../agents/revoke-agent-key'));
  });

  const call = (route: Route, key: string | null) =>
    route(
      new Request('http://localhost/api/v1/actions', {
        method: 'POST',
        headers: key === null ? {} : { authorization: `Bearer ${key}` },
        body: '{}',
      }),
      { params: Promise.resolve({}) },
    );

  /** A route whose early work fails as an oversized body does, and a spy on what reaches its handler. */
  function routeWithFailingEarly() {
    const early = vi.fn((_request: Request, _keyHash: string) => Promise.reject(new BodyTooLargeError(64, true)));
    const handler = vi.fn(async () => ({ body: { reached: true } }));
    return { early, handler, route: agentRoute(handler, early) };
  }

  it('no key, or not a Warden key: 401, and nothing starts early', async () => {
    const { early, handler, route } = routeWithFailingEarly();
    for (const key of [null, 'sk_live_abc']) {
      const reply = await call(route, key);
      expect(reply.status).toBe(401);
      expect(await reply.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    expect(early).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });

  it('an unknown or revoked key: 401 whatever the early work did; its failure is not the answer', async () => {
    const { agent } = await w.agentWithRefundTool();
    const revoked = await createAgentKey(w.SETUP, { id: agent.id });
    await revokeAgentKey(w.SETUP, revoked.keyId);
    const { early, handler, route } = routeWithFailingEarly();
    for (const key of [`wdn_${'A'.repeat(43)}`, revoked.key]) {
      const reply = await call(route, key);
      expect(reply.status).toBe(401);
      expect(await reply.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    expect(early).toHaveBeenCalledTimes(2);
    expect(handler).not.toHaveBeenCalled();
  });

  it("a good key: the early work's failure is the answer; its result reaches the handler with the key's agent", async () => {
    const { agent } = await w.agentWithRefundTool();
    const { key, keyId } = await createAgentKey(w.SETUP, { id: agent.id });
    const failing = routeWithFailingEarly();
    const refused = await call(failing.route, key);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error: { code: 'payload_too_large', limitBytes: 64 } });
    expect(failing.handler).not.toHaveBeenCalled();

    const seen: unknown[] = [];
    const route = agentRoute(
      async ({ actor, early }) => {
        seen.push(actor, early);
        return { status: 201, body: { ok: true } };
      },
      async (_request: Request, keyHash: string) => ({ keyHash }),
    );
    const reply = await call(route, key);
    expect(reply.status).toBe(201);
    const { hashAgentKey } = await import('../auth/agent-key');
    expect(seen).toEqual([
      { type: 'agent', id: agent.id, name: expect.any(String), keyId },
      { keyHash: hashAgentKey(key) },
    ]);
  });
});
