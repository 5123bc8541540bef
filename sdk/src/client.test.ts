import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWardenClient, type WardenClient } from './client.js';
import { WardenApiError, WardenBlockedError, WardenExpiredError } from './errors.js';
import { startTestPeer, type TestPeer } from './test-peer.js';

const KEY = 'wdn_test_key';
let peer: TestPeer;
let client: WardenClient;

beforeEach(async () => {
  peer = await startTestPeer({
    key: KEY,
    decideAs: (tool) => (tool === 'bad.params' ? 'invalid' : tool.startsWith('read.') ? 'approved' : 'pending_review'),
  });
  client = createWardenClient({ baseUrl: `${peer.url}/`, apiKey: KEY });
});
afterEach(() => peer.close());

describe('createWardenClient', () => {
  it('sends the key as a Bearer token and JSON bodies', async () => {
    await client.propose({ tool: 'read.customer', params: { id: 'C-1' } });
    expect(peer.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/actions',
      body: { tool: 'read.customer', params: { id: 'C-1' } },
    });
    expect(peer.requests[0].headers).toMatchObject({
      authorization: `Bearer ${KEY}`,
      'content-type': 'application/json',
    });
  });

  it('replays a proposal made with the same idempotency key and says so', async () => {
    const first = await client.propose({ tool: 'read.customer', params: { id: 'C-1' } }, { idempotencyKey: 'k-1' });
    const again = await client.propose({ tool: 'read.customer', params: { id: 'C-1' } }, { idempotencyKey: 'k-1' });
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ ...first, replayed: true });
    expect(peer.requests.map((r) => r.headers['idempotency-key'])).toEqual(['k-1', 'k-1']);
  });

  it('turns error bodies into WardenApiError with status, code and field issues', async () => {
    const invalid = await client.propose({ tool: 'bad.params', params: {} }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(WardenApiError);
    expect(invalid).toMatchObject({
      status: 422,
      code: 'invalid_input',
      issues: [{ path: 'params.amount', message: 'must be > 0' }],
      retryable: false,
    });

    const wrongKey = createWardenClient({ baseUrl: peer.url, apiKey: 'wdn_other' });
    await expect(wrongKey.authority()).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('reports an unreachable server as a retryable network error', async () => {
    peer.dropConnections(1);
    const error = await client.getAction('x').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error', retryable: true });
  });

  it('waits for a decision across long-polls and returns the decided action', async () => {
    const { id } = await client.propose({ tool: 'email.send', params: { to: 'a@example.com' } });
    setTimeout(() => peer.review(id, 'approved', 'fine'), 300);
    const decided = await client.waitForDecision(id, { timeoutMs: 5_000 });
    expect(decided).toMatchObject({
      id,
      status: 'approved',
      decision: { reason: 'fine', decidedBy: 'reviewer@example.com' },
    });
    expect(peer.requests.at(-1)?.path).toBe(`/api/v1/actions/${id}?wait=5`);
  });

  it('gives up with WardenExpiredError when no decision comes in time', async () => {
    const { id } = await client.propose({ tool: 'email.send', params: {} });
    const started = Date.now();
    const error = await client.waitForDecision(id, { timeoutMs: 400 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WardenExpiredError);
    expect(error).toMatchObject({ actionId: id, lastStatus: 'pending_review' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('paces its polls when a server answers at once instead of holding the long-poll', async () => {
    const pending = await (
      await fetch(`${peer.url}/api/v1/actions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ tool: 'email.send', params: {} }),
      })
    ).json();
    // Strip ?wait= so the peer answers immediately, as a server ignoring it would.
    const impatient = createWardenClient({
      baseUrl: peer.url,
      apiKey: KEY,
      fetch: (url, init) => fetch(String(url).replace(/\?wait=\d+$/, ''), init),
    });
    await expect(impatient.waitForDecision(pending.id, { timeoutMs: 2_500 })).rejects.toBeInstanceOf(
      WardenExpiredError,
    );
    const polls = peer.requests.filter((r) => r.method === 'GET').length;
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(polls).toBeLessThanOrEqual(4);
  });

  it('claims with the params hash, and names a block at claim as WardenBlockedError', async () => {
    const approved = await client.propose({ tool: 'read.customer', params: { id: 'C-2' } });
    const view = await client.getAction(approved.id);
    await expect(client.claim(approved.id, { paramsHash: 'f'.repeat(64) })).rejects.toMatchObject({
      status: 409,
      details: { reason: 'params_mismatch' },
    });
    expect(await client.claim(approved.id, { paramsHash: view.paramsHash })).toMatchObject({
      status: 'executing',
      params: { id: 'C-2' },
    });

    const second = await client.propose({ tool: 'read.customer', params: { id: 'C-3' } });
    peer.blockClaims(['global stop is engaged']);
    const blocked = await client.claim(second.id).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(WardenBlockedError);
    expect(blocked).toMatchObject({ stage: 'claim', reasons: ['global stop is engaged'], actionId: second.id });
  });
});
