import { describe, expect, test } from 'vitest';
import type { Actor } from '../auth/actor';
import { facts, tool } from '../policy/gate-fixtures';
import type { GateFacts } from '../policy/decide-proposal';
import { planPromotion, PROMOTION_REVIEW_REASON, type PromotedDraft } from './plan-promotion';

const REVIEWER: Actor = { type: 'user', id: 'u1', email: 'rita@example.com', name: 'Rita', roles: ['reviewer'] };
const SCHEMA = JSON.stringify({
  type: 'object',
  properties: { amount: { type: 'number' }, to: { type: 'string' } },
  required: ['amount'],
  additionalProperties: false,
});
const DRAFT: PromotedDraft = {
  id: 'draft-1',
  agentId: 'agent-1',
  toolName: 'refund.issue',
  params: JSON.stringify({ amount: 100, to: 'ann@example.com' }),
  paramsHash: 'h',
  reason: 'customer asked',
  sources: '[]',
  requester: null,
  requesterVerified: false,
  traceId: 't',
  currentValues: null,
};

/** The facts of a draft-only agent, as loadGateFacts reads them, with the tool's stored row. */
function loaded(overrides: Parameters<typeof facts>[0] = {}, parameters = SCHEMA) {
  const gate: GateFacts = facts({
    agent: { status: 'active', mode: 'draft_only', environment: 'production' },
    ...overrides,
  });
  const row = gate.tool && { id: 'tool-1', ...gate.tool, parameters, sensitiveFields: [] };
  return { facts: gate, tool: row, agent: { id: 'agent-1' } } as unknown as Parameters<typeof planPromotion>[2];
}

describe('planPromotion', () => {
  test.each([
    ['an open grant still goes to review', {}, [PROMOTION_REVIEW_REASON]],
    [
      'a grant that asks for two approvals keeps its reasons',
      { grant: { approvals: 2 } },
      ['review: grant requires 2 approvals'],
    ],
  ])('%s', (_name, overrides, reasons) => {
    const plan = planPromotion(REVIEWER, DRAFT, loaded(overrides), 0);
    expect(plan).toMatchObject({ kind: 'queued', reasons });
    expect(plan.writes).toHaveLength(4);
  });

  test.each([
    ['a global stop', { globalStop: true }, ['blocked: global stop is engaged']],
    [
      'a paused agent',
      { agent: { status: 'paused', mode: 'draft_only', environment: 'production' } },
      ['blocked: agent is paused'],
    ],
    ['a revoked grant', { grant: null }, ['blocked: tool refund.issue is not granted to this agent']],
    ['a disabled tool', { tool: tool('update', false) }, ['blocked: tool refund.issue is disabled']],
    [
      'a full pending queue',
      {
        grant: { approvals: 1, maxPending: 1 },
        counters: { callsInWindow: 0, callsInTrace: 0, pending: 1, repeatsInWindow: 0 },
      },
      ['throttled: agent already has 1 action pending review (cap 1)', 'review: grant requires approval'],
    ],
    [
      'a full pending queue, where the grant would approve on its own',
      {
        grant: { approvals: 0, maxPending: 1 },
        counters: { callsInWindow: 0, callsInTrace: 0, pending: 1, repeatsInWindow: 0 },
      },
      ['throttled: agent already has 1 action pending review (cap 1)', 'review: grant requires approval'],
    ],
  ])("refused under %s, with the gate's reasons and only the refusal written", (_name, overrides, reasons) => {
    const plan = planPromotion(REVIEWER, DRAFT, loaded(overrides as Parameters<typeof facts>[0]), 0);
    expect(plan).toMatchObject({ kind: 'refused', reasons });
    expect(plan.writes).toHaveLength(1);
  });

  test('refused when the tool no longer accepts the parameters', () => {
    const stricter = JSON.stringify({
      type: 'object',
      properties: { amount: { type: 'number' } },
      additionalProperties: false,
    });
    expect(planPromotion(REVIEWER, DRAFT, loaded({}, stricter), 0)).toMatchObject({
      kind: 'refused',
      reasons: ['invalid: params.to is not a parameter of this tool'],
    });
  });
});
