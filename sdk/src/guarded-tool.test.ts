import { afterEach, describe, expect, it } from 'vitest';
import { createWardenClient } from './client.js';
import {
  WardenApiError,
  WardenBlockedError,
  WardenDraftError,
  WardenExpiredError,
  WardenRejectedError,
} from './errors.js';
import { guardedTool } from './guarded-tool.js';
import { startTestPeer, type TestPeer } from './test-peer.js';
import type { Outcome } from './types.js';

const KEY = 'wdn_test_key';
let peer: TestPeer;
afterEach(() => peer.close());

type Refund = { orderId: string; amount: number };

async function setUp(outcome: Outcome | 'invalid') {
  peer = await startTestPeer({ key: KEY, decideAs: () => outcome });
  const client = createWardenClient({ baseUrl: peer.url, apiKey: KEY });
  const ran: Refund[] = [];
  const edits: { params: Refund; originalParams: Refund; version: number }[] = [];
  const refund = guardedTool(client, {
    tool: 'refund.issue',
    onEdited: ({ params, originalParams, action }) =>
      void edits.push({ params, originalParams, version: action.paramsVersion }),
    describe: (params: Refund) => `Refund ${params.amount} on ${params.orderId}`,
    run: async (params) => {
      ran.push(params);
      if (params.amount > 1000) throw new Error('provider declined');
      return { refundId: `re_${params.orderId}` };
    },
    downstreamRef: (result) => result.refundId,
    timeoutMs: 5_000,
  });
  return { refund, ran, edits };
}

const paths = () => peer.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, ':id')}`);

describe('guardedTool', () => {
  it('proposes, claims with the params hash, runs with the released params and reports the result', async () => {
    const { refund, ran } = await setUp('approved');
    await expect(refund({ orderId: 'O-1', amount: 10 }, { traceId: 'tr_1' })).resolves.toEqual({ refundId: 're_O-1' });
    expect(ran).toEqual([{ orderId: 'O-1', amount: 10 }]);
    expect(paths()).toEqual([
      'POST /api/v1/actions',
      'GET /api/v1/actions/:id?wait=5',
      'POST /api/v1/actions/:id/claim',
      'POST /api/v1/actions/:id/result',
    ]);
    const [proposal, , claim, result] = peer.requests;
    expect(proposal.body).toMatchObject({ reason: 'Refund 10 on O-1', traceId: 'tr_1' });
    expect(proposal.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const action = [...peer.actions.values()][0];
    expect(claim.body).toEqual({ paramsHash: action.paramsHash });
    expect(result.body).toEqual({ ok: true, output: { refundId: 're_O-1' }, downstreamRef: 're_O-1' });
    expect(action.status).toBe('succeeded');
  });

  it('waits for the reviewer, then runs', async () => {
    const { refund, ran } = await setUp('pending_review');
    const call = refund({ orderId: 'O-2', amount: 50 }, { reason: 'damaged item' });
    await waitFor(() => peer.actions.size === 1);
    peer.review([...peer.actions.keys()][0], 'approved');
    await expect(call).resolves.toEqual({ refundId: 're_O-2' });
    expect(ran).toHaveLength(1);
    expect(peer.requests[0].body).toMatchObject({ reason: 'damaged item' });
  });

  it("runs with the reviewer's edited params, claims with their hash, and says they were edited", async () => {
    const { refund, ran, edits } = await setUp('pending_review');
    const call = refund({ orderId: 'O-9', amount: 500 });
    await waitFor(() => peer.actions.size === 1);
    const id = [...peer.actions.keys()][0];
    peer.review(id, 'approved', 'half is enough', { orderId: 'O-9', amount: 250 });
    await expect(call).resolves.toEqual({ refundId: 're_O-9' });
    expect(ran).toEqual([{ orderId: 'O-9', amount: 250 }]);
    expect(edits).toEqual([
      { params: { orderId: 'O-9', amount: 250 }, originalParams: { orderId: 'O-9', amount: 500 }, version: 2 },
    ]);
    const claim = peer.requests.find((r) => r.path.endsWith('/claim'));
    expect(claim?.body).toEqual({ paramsHash: peer.actions.get(id)!.paramsHash });
    expect(peer.actions.get(id)!.status).toBe('succeeded');
  });

  it('does not call onEdited when the params were approved as proposed', async () => {
    const { refund, edits } = await setUp('approved');
    await refund({ orderId: 'O-10', amount: 1 });
    expect(edits).toEqual([]);
  });

  it("throws WardenRejectedError with the reviewer's reason and never runs", async () => {
    const { refund, ran } = await setUp('pending_review');
    const call = refund({ orderId: 'O-3', amount: 50 }).catch((e: unknown) => e);
    await waitFor(() => peer.actions.size === 1);
    peer.review([...peer.actions.keys()][0], 'rejected', 'outside the refund window');
    const error = await call;
    expect(error).toBeInstanceOf(WardenRejectedError);
    expect(error).toMatchObject({ reason: 'outside the refund window', decidedBy: 'reviewer@example.com' });
    expect(ran).toEqual([]);
  });

  it.each([
    ['blocked', WardenBlockedError],
    ['draft', WardenDraftError],
    ['invalid', WardenApiError],
  ] as const)('throws for a %s proposal without waiting or running', async (outcome, type) => {
    const { refund, ran } = await setUp(outcome);
    await expect(refund({ orderId: 'O-4', amount: 1 })).rejects.toBeInstanceOf(type);
    expect(ran).toEqual([]);
    expect(paths()).toEqual(['POST /api/v1/actions']);
  });

  it('throws WardenExpiredError when no reviewer decides in time', async () => {
    const { refund, ran } = await setUp('pending_review');
    await expect(refund({ orderId: 'O-5', amount: 1 }, { timeoutMs: 300 })).rejects.toBeInstanceOf(WardenExpiredError);
    expect(ran).toEqual([]);
  });

  it('reports a failing tool as failed, then rethrows its error', async () => {
    const { refund } = await setUp('approved');
    await expect(refund({ orderId: 'O-6', amount: 5000 })).rejects.toThrow('provider declined');
    expect(peer.requests.at(-1)?.body).toEqual({ ok: false, error: 'provider declined' });
    expect([...peer.actions.values()][0].status).toBe('failed');
  });

  it('retries a proposal lost on the network with the same idempotency key: one action, run once', async () => {
    const { refund, ran } = await setUp('approved');
    peer.dropConnections(1);
    await expect(refund({ orderId: 'O-7', amount: 1 })).resolves.toEqual({ refundId: 're_O-7' });
    const keys = peer.requests.filter((r) => r.path === '/api/v1/actions').map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(peer.actions.size).toBe(1);
    expect(ran).toHaveLength(1);
  });

  it('does not run when the claim is blocked', async () => {
    const { refund, ran } = await setUp('approved');
    peer.blockClaims(['agent is paused']);
    await expect(refund({ orderId: 'O-8', amount: 1 })).rejects.toMatchObject({
      name: 'WardenBlockedError',
      stage: 'claim',
      reasons: ['agent is paused'],
    });
    expect(ran).toEqual([]);
  });
});

async function waitFor(condition: () => boolean) {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition()).toBe(true);
}
