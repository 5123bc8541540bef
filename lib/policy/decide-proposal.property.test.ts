import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_LEVELS } from './action-levels';
import { decideProposal, type GateFacts } from './decide-proposal';
import { NOW } from './gate-fixtures';
import type { Constraint, GrantPolicy } from './grant-policy';

const param = fc.constantFrom('amount', 'to', 'currency', 'link', 'orderId', 'nested.value');
const constraint: fc.Arbitrary<Constraint> = fc.oneof(
  fc.record({
    param,
    effect: fc.constantFrom('block', 'review'),
    kind: fc.constant('allowed_values'),
    values: fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxLength: 4 }),
  }),
  fc.record({
    param,
    effect: fc.constantFrom('block', 'review'),
    kind: fc.constant('record_type'),
    values: fc.array(fc.string(), { maxLength: 3 }),
  }),
  fc.record({
    param,
    effect: fc.constantFrom('block', 'review'),
    kind: fc.constant('pattern'),
    pattern: fc.oneof(fc.string(), fc.constant('[A-Z]+-\\d+'), fc.constant('(')),
  }),
  fc.record({
    param,
    effect: fc.constantFrom('block', 'review'),
    kind: fc.constant('range'),
    min: fc.option(fc.integer(), { nil: undefined }),
    max: fc.option(fc.integer(), { nil: undefined }),
  }),
  fc.record({
    param,
    effect: fc.constantFrom('block', 'review'),
    kind: fc.constant('email_domain'),
    domains: fc.array(fc.domain(), { maxLength: 3 }),
  }),
  fc.record({
    param,
    effect: fc.constantFrom('block', 'review'),
    kind: fc.constant('url_domain'),
    domains: fc.array(fc.domain(), { maxLength: 3 }),
  }),
) as fc.Arbitrary<Constraint>;

const grant: fc.Arbitrary<GrantPolicy> = fc.record({
  approvals: fc.integer({ min: 0, max: 4 }),
  constraints: fc.array(constraint, { maxLength: 5 }),
  rateLimit: fc.option(
    fc.record({ count: fc.integer({ min: 1, max: 20 }), windowSeconds: fc.integer({ min: 1, max: 86400 }) }),
    { nil: null },
  ),
  maxCallsPerTrace: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  maxPending: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  expiresAt: fc.option(fc.integer({ min: NOW - 1e9, max: NOW + 1e9 }), { nil: null }),
  environment: fc.constantFrom('any', 'test', 'production'),
  requireReason: fc.boolean(),
  requester: fc.option(
    fc.record({
      roles: fc.array(fc.constantFrom('finance', 'support', 'admin'), { maxLength: 2 }),
      attributes: fc.dictionary(fc.constantFrom('region', 'team'), fc.constantFrom('eu', 'us')),
    }),
    { nil: null },
  ),
  loop: fc.option(
    fc.record({
      maxRepeats: fc.integer({ min: 1, max: 5 }),
      windowSeconds: fc.integer({ min: 1, max: 3600 }),
      pauseAgent: fc.boolean(),
    }),
    { nil: null },
  ),
  reviewTimeoutMinutes: fc.integer({ min: 1, max: 10_080 }),
  ownerMayApprove: fc.boolean(),
  requiredGroups: fc.uniqueArray(fc.constantFrom('g-finance', 'g-security', 'g-legal'), { maxLength: 3 }),
  reviewGroupId: fc.option(fc.constantFrom('g-finance', 'g-security'), { nil: null }),
  escalationLadder: fc.constant([]),
});

const paramValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.emailAddress(),
  fc.webUrl(),
  fc.array(fc.emailAddress(), { maxLength: 3 }),
  fc.constant(null),
);
const gateFacts: fc.Arbitrary<GateFacts> = fc.record({
  now: fc.constant(NOW),
  globalStop: fc.boolean(),
  agent: fc.record({
    status: fc.constantFrom('active', 'paused'),
    mode: fc.constantFrom('live', 'draft_only'),
    environment: fc.constantFrom('test', 'production'),
  }),
  tool: fc.option(
    fc.record({
      name: fc.constant('refund.issue'),
      actionLevel: fc.constantFrom(...ACTION_LEVELS),
      enabled: fc.boolean(),
    }),
    { nil: null },
  ),
  grant: fc.option(grant, { nil: null }),
  proposal: fc.record({
    params: fc.record(
      {
        amount: paramValue,
        to: paramValue,
        currency: paramValue,
        link: paramValue,
        orderId: paramValue,
        nested: fc.record({ value: paramValue }),
      },
      { requiredKeys: [] },
    ),
    reason: fc.option(fc.string(), { nil: null }),
  }),
  counters: fc.record({
    callsInWindow: fc.nat(30),
    callsInTrace: fc.nat(12),
    pending: fc.nat(12),
    repeatsInWindow: fc.nat(8),
  }),
  requester: fc.oneof(
    fc.constant({ status: 'none' as const }),
    fc.record({ status: fc.constant('invalid' as const), error: fc.string() }),
    fc.record({
      status: fc.constant('verified' as const),
      subject: fc.string(),
      roles: fc.array(fc.constantFrom('finance', 'support', 'admin')),
      attributes: fc.dictionary(fc.constantFrom('region', 'team'), fc.constantFrom('eu', 'us')),
    }),
  ),
});

const OUTCOMES = ['approved', 'pending_review', 'draft', 'blocked', 'throttled'];

describe('decideProposal properties', () => {
  it('is total: any facts, even garbage, give a valid outcome with reasons', () => {
    fc.assert(
      fc.property(fc.oneof(gateFacts, fc.anything() as fc.Arbitrary<GateFacts>), (input) => {
        const decision = decideProposal(input);
        expect(OUTCOMES).toContain(decision.outcome);
        expect(decision.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(gateFacts, (input) => {
        expect(decideProposal(input)).toEqual(decideProposal(structuredClone(input)));
      }),
      { numRuns: 1000 },
    );
  });

  it("does not depend on the order of the grant's rules", () => {
    fc.assert(
      fc.property(
        gateFacts.filter((f) => f.grant !== null),
        fc.func(fc.integer()),
        (input, key) => {
          const shuffled = [...input.grant!.constraints].sort((a, b) => key(a) - key(b));
          expect(decideProposal({ ...input, grant: { ...input.grant!, constraints: shuffled } })).toEqual(
            decideProposal(input),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a global stop, a paused agent or an expired grant always blocks', () => {
    fc.assert(
      fc.property(gateFacts, fc.constantFrom('stop', 'pause', 'expired'), (input, cause) => {
        const forced: GateFacts =
          cause === 'stop'
            ? { ...input, globalStop: true }
            : cause === 'pause'
              ? { ...input, agent: { ...input.agent, status: 'paused' } }
              : { ...input, grant: input.grant && { ...input.grant, expiresAt: NOW - 1 } };
        if (cause === 'expired' && !forced.grant) return; // no grant: blocked for that reason instead
        expect(decideProposal(forced).outcome).toBe('blocked');
      }),
      { numRuns: 1000 },
    );
  });

  it('never approves without a grant, and never lets through a call that breaks a blocking rule', () => {
    fc.assert(
      fc.property(gateFacts, (input) => {
        const decision = decideProposal(input);
        if (!input.grant || !input.tool) expect(decision.outcome).toBe('blocked');
        if (decision.reasons.some((r) => r.startsWith('blocked: '))) expect(decision.outcome).toBe('blocked');
      }),
      { numRuns: 1000 },
    );
  });
});
