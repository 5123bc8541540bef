import { describe, expect, it } from 'vitest';
import { ACTION_LEVELS } from './action-levels';
import { claimBlockers, decideProposal, type GateFacts } from './decide-proposal';
import { facts, NOW, tool } from './gate-fixtures';

const verified = (roles: string[], attributes: Record<string, string> = {}) => ({
  status: 'verified' as const,
  subject: 'ann',
  roles,
  attributes,
});
const counters = (c: Partial<GateFacts['counters']>) => ({
  callsInWindow: 0,
  callsInTrace: 0,
  pending: 0,
  repeatsInWindow: 0,
  ...c,
});

describe('decideProposal: one rule at a time', () => {
  it.each<[string, GateFacts, string, string[]]>([
    ['open grant', facts(), 'approved', ['allowed: granted refund.issue without approval']],
    ['one approval', facts({ grant: { approvals: 1 } }), 'pending_review', ['review: grant requires approval']],
    ['two approvals', facts({ grant: { approvals: 2 } }), 'pending_review', ['review: grant requires 2 approvals']],
    [
      'two required groups',
      facts({ grant: { approvals: 0, requiredGroups: ['g-fin', 'g-sec'] } }),
      'pending_review',
      ['review: grant requires an approval from each of 2 reviewer groups'],
    ],
    ['global stop', facts({ globalStop: true }), 'blocked', ['blocked: global stop is engaged']],
    [
      'paused agent',
      facts({ agent: { status: 'paused', mode: 'live', environment: 'production' } }),
      'blocked',
      ['blocked: agent is paused'],
    ],
    ['unknown tool', facts({ tool: null, grant: null }), 'blocked', ['blocked: tool does not exist']],
    ['disabled tool', facts({ tool: tool('update', false) }), 'blocked', ['blocked: tool refund.issue is disabled']],
    ['no grant', facts({ grant: null }), 'blocked', ['blocked: tool refund.issue is not granted to this agent']],
    [
      'expired grant',
      facts({ grant: { expiresAt: Date.UTC(2026, 10, 20) } }),
      'blocked',
      ['blocked: grant expired 2026-11-20'],
    ],
    [
      'expires exactly now',
      facts({ grant: { expiresAt: NOW } }),
      'blocked',
      ['blocked: grant expired 2026-11-25 12:00 UTC'],
    ],
    [
      'expires later',
      facts({ grant: { expiresAt: NOW + 1 } }),
      'approved',
      ['allowed: granted refund.issue without approval'],
    ],
    [
      'wrong environment',
      facts({ grant: { environment: 'test' } }),
      'blocked',
      ['blocked: grant is for test, agent runs in production'],
    ],
    [
      'reason required, none given',
      facts({ grant: { requireReason: true }, proposal: { params: {}, reason: '  ' } }),
      'blocked',
      ['blocked: grant requires a reason'],
    ],
    [
      'requester required, none',
      facts({ grant: { requester: { roles: [], attributes: {} } } }),
      'blocked',
      ['blocked: grant requires a verified requester'],
    ],
    [
      'requester assertion invalid',
      facts({ requester: { status: 'invalid', error: 'signature verification failed' } }),
      'blocked',
      ['blocked: requester assertion rejected: signature verification failed'],
    ],
    [
      'requester lacks role',
      facts({ grant: { requester: { roles: ['finance'], attributes: {} } }, requester: verified(['support']) }),
      'blocked',
      ['blocked: requester lacks role finance'],
    ],
    [
      'requester attribute differs',
      facts({
        grant: { requester: { roles: [], attributes: { region: 'eu' } } },
        requester: verified([], { region: 'us' }),
      }),
      'blocked',
      ['blocked: requester region is not eu'],
    ],
    [
      'requester satisfies',
      facts({
        grant: { requester: { roles: ['finance'], attributes: { region: 'eu' } } },
        requester: verified(['finance'], { region: 'eu' }),
      }),
      'approved',
      ['allowed: granted refund.issue without approval'],
    ],
    [
      'allowed values',
      facts({
        grant: { constraints: [{ param: 'currency', kind: 'allowed_values', values: ['EUR'], effect: 'block' }] },
        proposal: { params: { currency: 'USD' }, reason: null },
      }),
      'blocked',
      ['blocked: currency "USD" is not an allowed value ("EUR")'],
    ],
    [
      'record type',
      facts({
        grant: { constraints: [{ param: 'type', kind: 'record_type', values: ['contact'], effect: 'block' }] },
        proposal: { params: { type: 'invoice' }, reason: null },
      }),
      'blocked',
      ['blocked: type "invoice" is not an allowed record type ("contact")'],
    ],
    [
      'pattern',
      facts({
        grant: { constraints: [{ param: 'orderId', kind: 'pattern', pattern: 'ORD-\\d+', effect: 'block' }] },
        proposal: { params: { orderId: 'X-1' }, reason: null },
      }),
      'blocked',
      ['blocked: orderId "X-1" does not match ORD-\\d+'],
    ],
    [
      'range max to review',
      facts({
        grant: { constraints: [{ param: 'amount', kind: 'range', max: 500, effect: 'review' }] },
        proposal: { params: { amount: 1200 }, reason: null },
      }),
      'pending_review',
      ['review: amount 1,200 > 500'],
    ],
    [
      'range min blocks',
      facts({
        grant: { constraints: [{ param: 'amount', kind: 'range', min: 1, effect: 'block' }] },
        proposal: { params: { amount: 0.5 }, reason: null },
      }),
      'blocked',
      ['blocked: amount 0.5 < 1'],
    ],
    [
      'range on text fails closed',
      facts({
        grant: { constraints: [{ param: 'amount', kind: 'range', max: 5, effect: 'block' }] },
        proposal: { params: { amount: '1' }, reason: null },
      }),
      'blocked',
      ['blocked: amount "1" is not a number'],
    ],
    [
      'e-mail domain outside',
      facts({
        grant: { constraints: [{ param: 'to', kind: 'email_domain', domains: ['example.com'], effect: 'review' }] },
        proposal: { params: { to: 'bob@gmail.com' }, reason: null },
      }),
      'pending_review',
      ['review: to bob@gmail.com is outside example.com'],
    ],
    [
      'e-mail subdomain inside',
      facts({
        grant: { constraints: [{ param: 'to', kind: 'email_domain', domains: ['example.com'], effect: 'block' }] },
        proposal: { params: { to: 'a@eu.Example.com' }, reason: null },
      }),
      'approved',
      ['allowed: granted refund.issue without approval'],
    ],
    [
      'look-alike domain is outside',
      facts({
        grant: { constraints: [{ param: 'to', kind: 'email_domain', domains: ['example.com'], effect: 'block' }] },
        proposal: { params: { to: 'a@evilexample.com' }, reason: null },
      }),
      'blocked',
      ['blocked: to a@evilexample.com is outside example.com'],
    ],
    [
      'every recipient checked',
      facts({
        grant: { constraints: [{ param: 'to', kind: 'email_domain', domains: ['example.com'], effect: 'block' }] },
        proposal: { params: { to: ['a@example.com', 'b@other.org'] }, reason: null },
      }),
      'blocked',
      ['blocked: to b@other.org is outside example.com'],
    ],
    [
      'url domain',
      facts({
        grant: { constraints: [{ param: 'link', kind: 'url_domain', domains: ['example.com'], effect: 'block' }] },
        proposal: { params: { link: 'javascript:alert(1)' }, reason: null },
      }),
      'blocked',
      ['blocked: link "javascript:alert(1)" is not an http(s) URL'],
    ],
    [
      "absent parameter is the schema's business",
      facts({
        grant: { constraints: [{ param: 'amount', kind: 'range', max: 5, effect: 'block' }] },
        proposal: { params: {}, reason: null },
      }),
      'approved',
      ['allowed: granted refund.issue without approval'],
    ],
    [
      'rate limit reached',
      facts({ grant: { rateLimit: { count: 10, windowSeconds: 60 } }, counters: counters({ callsInWindow: 10 }) }),
      'throttled',
      ['throttled: rate limit of 10 calls per 1 min reached'],
    ],
    [
      'rate limit not yet',
      facts({ grant: { rateLimit: { count: 10, windowSeconds: 60 } }, counters: counters({ callsInWindow: 9 }) }),
      'approved',
      ['allowed: granted refund.issue without approval'],
    ],
    [
      'pending cap, would queue',
      facts({ grant: { approvals: 1, maxPending: 3 }, counters: counters({ pending: 3 }) }),
      'throttled',
      ['throttled: agent already has 3 actions pending review (cap 3)', 'review: grant requires approval'],
    ],
    [
      'pending cap, would not queue',
      facts({ grant: { maxPending: 3 }, counters: counters({ pending: 3 }) }),
      'approved',
      ['allowed: granted refund.issue without approval'],
    ],
    [
      'calls per trace',
      facts({ grant: { maxCallsPerTrace: 2 }, counters: counters({ callsInTrace: 2 }) }),
      'blocked',
      ['blocked: trace already made 2 of 2 allowed calls'],
    ],
    [
      'one call per window',
      facts({ grant: { rateLimit: { count: 1, windowSeconds: 600 } }, counters: counters({ callsInWindow: 1 }) }),
      'throttled',
      ['throttled: rate limit of 1 call per 10 min reached'],
    ],
    [
      'loop detected',
      facts({
        grant: { loop: { maxRepeats: 3, windowSeconds: 600, pauseAgent: false } },
        counters: counters({ repeatsInWindow: 3 }),
      }),
      'blocked',
      ['blocked: loop: the same call was made 3 times in 10 min'],
    ],
    [
      'draft-only, writing tool',
      facts({ agent: { status: 'active', mode: 'draft_only', environment: 'production' } }),
      'draft',
      ['draft: agent is in draft-only mode and update actions write'],
    ],
    [
      'draft-only wins over review',
      facts({ agent: { status: 'active', mode: 'draft_only', environment: 'production' }, grant: { approvals: 1 } }),
      'draft',
      ['draft: agent is in draft-only mode and update actions write', 'review: grant requires approval'],
    ],
  ])('%s', (_name, input, outcome, reasons) => {
    const decision = decideProposal(input);
    expect({ outcome: decision.outcome, reasons: decision.reasons }).toEqual({ outcome, reasons });
  });
});

describe('decideProposal: combinations', () => {
  it('reports every block at once, in a fixed order, with the reviews it would also need', () => {
    const decision = decideProposal(
      facts({
        globalStop: true,
        agent: { status: 'paused', mode: 'live', environment: 'production' },
        tool: tool('external', false),
        grant: {
          approvals: 1,
          expiresAt: Date.UTC(2026, 0, 1),
          requireReason: true,
          constraints: [
            { param: 'to', kind: 'email_domain', domains: ['example.com'], effect: 'review' },
            { param: 'amount', kind: 'range', max: 50, effect: 'block' },
          ],
        },
        proposal: { params: { amount: 100, to: 'x@y.org' }, reason: null },
      }),
    );
    expect(decision).toEqual({
      outcome: 'blocked',
      approvalsRequired: 0,
      pauseAgent: false,
      reasons: [
        'blocked: global stop is engaged',
        'blocked: agent is paused',
        'blocked: tool refund.issue is disabled',
        'blocked: grant expired 2026-01-01',
        'blocked: grant requires a reason',
        'blocked: amount 100 > 50',
        'review: grant requires approval',
        'review: to x@y.org is outside example.com',
      ],
    });
  });

  it('a review rule raises the approvals needed to at least one', () => {
    const decision = decideProposal(
      facts({ grant: { constraints: [{ param: 'amount', kind: 'range', max: 10, effect: 'review' }] } }),
    );
    expect(decision.approvalsRequired).toBe(1);
    expect(decideProposal(facts({ grant: { approvals: 3 } })).approvalsRequired).toBe(3);
  });

  it('required groups raise the approvals needed to one per group (each from a distinct reviewer)', () => {
    expect(
      decideProposal(facts({ grant: { approvals: 1, requiredGroups: ['g-fin', 'g-sec'] } })).approvalsRequired,
    ).toBe(2);
    expect(decideProposal(facts({ grant: { approvals: 3, requiredGroups: ['g-fin'] } })).approvalsRequired).toBe(3);
  });

  it('loop detection pauses the agent only when the owner chose so', () => {
    const loop = (pauseAgent: boolean) =>
      facts({
        grant: { loop: { maxRepeats: 2, windowSeconds: 60, pauseAgent } },
        counters: counters({ repeatsInWindow: 5 }),
      });
    expect(decideProposal(loop(true)).pauseAgent).toBe(true);
    expect(decideProposal(loop(false)).pauseAgent).toBe(false);
  });

  it.each(ACTION_LEVELS)('draft-only mode turns only writes into drafts (%s)', (level) => {
    const { outcome } = decideProposal(
      facts({ agent: { status: 'active', mode: 'draft_only', environment: 'production' }, tool: tool(level) }),
    );
    expect(outcome).toBe(['create', 'update', 'external'].includes(level) ? 'draft' : 'approved');
  });

  it('fails closed on malformed facts', () => {
    expect(decideProposal({ ...facts(), agent: null } as unknown as GateFacts)).toEqual({
      outcome: 'blocked',
      reasons: ['blocked: policy could not be evaluated'],
      approvalsRequired: 0,
      pauseAgent: false,
    });
  });
});

describe('claimBlockers', () => {
  it.each<[string, GateFacts, string[]]>([
    ['nothing changed since approval', facts(), []],
    ['global stop engaged since', facts({ globalStop: true }), ['global stop is engaged']],
    [
      'agent paused since',
      facts({ agent: { status: 'paused', mode: 'live', environment: 'production' } }),
      ['agent is paused'],
    ],
    ['grant removed since', facts({ grant: null }), ['tool refund.issue is not granted to this agent']],
    ['grant expired since', facts({ grant: { expiresAt: NOW - 1 } }), ['grant expired 2026-11-25 11:59 UTC']],
    ['tool disabled since', facts({ tool: tool('update', false) }), ['tool refund.issue is disabled']],
  ])('%s', (_name, input, blockers) => {
    expect(claimBlockers(input)).toEqual(blockers);
  });

  it('fails closed on malformed facts', () => {
    expect(claimBlockers(null as unknown as GateFacts)).toEqual(['policy could not be evaluated']);
  });
});
