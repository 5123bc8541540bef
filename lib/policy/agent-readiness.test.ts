import { describe, expect, it } from 'vitest';
import { assessAgentReadiness, type ReadinessArea, type ReadinessFacts, type ReadinessGrant } from './agent-readiness';

const NOW = new Date('2026-12-06T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

const refund: ReadinessGrant = {
  id: 'g1',
  toolId: 't1',
  toolName: 'refund.issue',
  actionLevel: 'external',
  approvals: 1,
  constraintCount: 1,
  hasReviewConstraint: false,
  maxPending: 5,
  rateLimitCount: null,
  reviewerGroupIds: [],
  rollback: 'compensating',
};
const lookup: ReadinessGrant = {
  id: 'g2',
  toolId: 't2',
  toolName: 'order.read',
  actionLevel: 'read',
  approvals: 0,
  constraintCount: 0,
  hasReviewConstraint: false,
  maxPending: null,
  rateLimitCount: null,
  reviewerGroupIds: [],
};

/** An agent that passes every area; each case below breaks one thing. */
const ready: ReadinessFacts = {
  agentId: 'a1',
  purpose: 'Refunds damaged orders',
  ownerName: 'Olive Owner',
  ownerDisabled: false,
  shutoffContact: 'ops rota',
  monitoringNote: 'Grafana board "refunds"',
  manualFallback: 'Issue refunds by hand in the shop admin.',
  activeKeys: [{ prefix: 'wk_abc', createdAt: daysAgo(10) }],
  requesterKeyConfigured: true,
  grants: [refund, lookup],
  channels: [{ name: 'ops', groupId: null }],
  groupNames: { fin: 'Finance' },
  activeAdmins: 2,
  now: NOW,
};

function gapsOf(facts: Partial<ReadinessFacts>, area: ReadinessArea) {
  const row = assessAgentReadiness({ ...ready, ...facts }).rows.find((r) => r.area === area)!;
  return row.gaps;
}

describe('assessAgentReadiness', () => {
  it('a ready agent scores 8/8 with a good signal in every area', () => {
    const result = assessAgentReadiness(ready);
    expect(result.okCount).toBe(8);
    expect(result.total).toBe(8);
    expect(result.rows.map((row) => row.area)).toEqual([
      'purpose',
      'identity',
      'permissions',
      'tools',
      'validation',
      'approval',
      'audit',
      'recovery',
    ]);
    expect(Object.fromEntries(result.rows.map((row) => [row.area, row.signal]))).toEqual({
      purpose: 'Purpose recorded; Olive Owner answers for it',
      identity: '1 active key under 90 days old; requesters verified by signature',
      permissions: 'Every write tool is bounded by a rate limit or a pending cap',
      tools: 'Every write tool declares how its effects are undone',
      validation: 'Every write tool checks its parameters against rules',
      approval: 'Every write tool needs a person’s approval',
      audit: 'Monitoring recorded; reviewers notified on ops',
      recovery: 'Shutoff contact, manual fallback and 2 admins for the return to normal',
    });
    expect(result.rows.every((row) => row.ok && row.gaps.length === 0)).toBe(true);
  });

  it('an agent with only read tools has signals saying so', () => {
    const result = assessAgentReadiness({ ...ready, grants: [lookup] });
    expect(result.okCount).toBe(8);
    const signal = (area: ReadinessArea) => result.rows.find((row) => row.area === area)!.signal;
    expect(signal('permissions')).toBe('No write tools granted');
    expect(signal('tools')).toBe('No write tools to undo');
    expect(signal('audit')).toBe('Monitoring recorded; nothing it does waits for review');
  });

  const cases: {
    name: string;
    facts: Partial<ReadinessFacts>;
    area: ReadinessArea;
    gaps: { text: string; href: string }[];
  }[] = [
    {
      name: 'no purpose',
      facts: { purpose: '  ' },
      area: 'purpose',
      gaps: [{ text: 'no purpose recorded', href: '/agents/a1#agent-edit' }],
    },
    {
      name: 'owner disabled',
      facts: { ownerDisabled: true },
      area: 'purpose',
      gaps: [{ text: 'its owner, Olive Owner, is disabled: nobody answers for it', href: '/users' }],
    },
    {
      name: 'no active key',
      facts: { activeKeys: [] },
      area: 'identity',
      gaps: [{ text: 'no active key: the agent cannot call Warden', href: '/agents/a1#agent-keys' }],
    },
    {
      name: 'keys older than 90 days',
      area: 'identity',
      facts: {
        activeKeys: [
          { prefix: 'wk_old', createdAt: daysAgo(91) },
          { prefix: 'wk_new', createdAt: daysAgo(90) },
          { prefix: 'wk_older', createdAt: daysAgo(400) },
        ],
      },
      gaps: [{ text: 'keys older than 90 days: wk_old, wk_older', href: '/agents/a1#agent-keys' }],
    },
    {
      name: 'no requester verification',
      facts: { requesterKeyConfigured: false },
      area: 'identity',
      gaps: [{ text: 'no requester verification', href: '/agents/a1#agent-requester-key' }],
    },
    {
      name: 'one write tool without bounds links to its grant',
      area: 'permissions',
      facts: { grants: [{ ...refund, maxPending: null }] },
      gaps: [{ text: 'write tools without a rate limit or pending cap: refund.issue', href: '/agents/a1/grants/g1' }],
    },
    {
      name: 'several write tools without bounds link to the grants section',
      area: 'permissions',
      facts: {
        grants: [
          { ...refund, maxPending: null },
          { ...refund, id: 'g3', toolName: 'email.send', actionLevel: 'create', maxPending: null },
        ],
      },
      gaps: [
        {
          text: 'write tools without a rate limit or pending cap: refund.issue, email.send',
          href: '/agents/a1#agent-grants',
        },
      ],
    },
    {
      name: 'a rate limit alone bounds a write tool',
      area: 'permissions',
      facts: { grants: [{ ...refund, maxPending: null, rateLimitCount: 10 }] },
      gaps: [],
    },
    {
      name: 'rollback not declared',
      area: 'tools',
      facts: { grants: [{ ...refund, rollback: undefined }, lookup] },
      gaps: [{ text: 'external tool `refund.issue` has no rollback declared', href: '/tools/t1' }],
    },
    {
      name: 'rollback declared as none is a declaration',
      area: 'tools',
      facts: { grants: [{ ...refund, rollback: 'none' }] },
      gaps: [],
    },
    { name: 'a read tool needs no rollback', area: 'tools', facts: { grants: [lookup] }, gaps: [] },
    {
      name: 'write tool without parameter rules',
      area: 'validation',
      facts: { grants: [{ ...refund, constraintCount: 0 }] },
      gaps: [{ text: 'write tools without parameter rules: refund.issue', href: '/agents/a1/grants/g1' }],
    },
    {
      name: 'write tool without approval',
      area: 'approval',
      facts: { grants: [{ ...refund, approvals: 0 }, lookup] },
      gaps: [{ text: 'write tools without approval: refund.issue', href: '/agents/a1/grants/g1' }],
    },
    {
      name: 'no monitoring note',
      facts: { monitoringNote: '' },
      area: 'audit',
      gaps: [{ text: 'no monitoring note', href: '/agents/a1#agent-edit' }],
    },
    {
      name: 'no channel at all',
      facts: { channels: [] },
      area: 'audit',
      gaps: [{ text: 'no notification channel for its reviewers', href: '/notifications' }],
    },
    {
      name: 'a review forced by a constraint needs a channel too',
      area: 'audit',
      facts: { channels: [], grants: [{ ...lookup, hasReviewConstraint: true }] },
      gaps: [{ text: 'no notification channel for its reviewers', href: '/notifications' }],
    },
    { name: 'nothing reviewed needs no channel', facts: { channels: [], grants: [lookup] }, area: 'audit', gaps: [] },
    {
      name: 'a group channel does not cover reviews addressed to every reviewer',
      area: 'audit',
      facts: { channels: [{ name: 'fin', groupId: 'fin' }] },
      gaps: [{ text: 'no notification channel for its reviewers: every reviewer', href: '/notifications' }],
    },
    {
      name: 'each group its grants require needs a channel',
      area: 'audit',
      facts: {
        channels: [{ name: 'fin', groupId: 'fin' }],
        grants: [{ ...refund, reviewerGroupIds: ['fin', 'legal'] }],
      },
      gaps: [{ text: 'no notification channel for its reviewers: legal', href: '/notifications' }],
    },
    {
      name: 'a channel for every group covers the grants’ groups',
      area: 'audit',
      facts: { grants: [{ ...refund, reviewerGroupIds: ['fin'] }] },
      gaps: [],
    },
    {
      name: 'no shutoff contact',
      facts: { shutoffContact: '' },
      area: 'recovery',
      gaps: [{ text: 'no shutoff contact', href: '/agents/a1#agent-edit' }],
    },
    {
      name: 'no manual fallback',
      facts: { manualFallback: ' ' },
      area: 'recovery',
      gaps: [{ text: 'no manual fallback text', href: '/agents/a1#agent-edit' }],
    },
    {
      name: 'one admin',
      facts: { activeAdmins: 1 },
      area: 'recovery',
      gaps: [{ text: 'only one admin: return to normal cannot have a second approver', href: '/users' }],
    },
    {
      name: 'no admin',
      facts: { activeAdmins: 0 },
      area: 'recovery',
      gaps: [{ text: 'no active admin: nobody can approve the return to normal', href: '/users' }],
    },
  ];

  it.each(cases)('$area: $name', ({ facts, area, gaps }) => {
    expect(gapsOf(facts, area)).toEqual(gaps);
    const result = assessAgentReadiness({ ...ready, ...facts });
    const row = result.rows.find((r) => r.area === area)!;
    expect(row.ok).toBe(gaps.length === 0);
    expect(row.signal === null).toBe(gaps.length > 0);
    expect(result.okCount).toBe(gaps.length === 0 ? 8 : 7);
  });

  it('a bare agent is 0/8 and names every gap', () => {
    const result = assessAgentReadiness({
      ...ready,
      purpose: '',
      shutoffContact: '',
      monitoringNote: '',
      manualFallback: '',
      activeKeys: [],
      requesterKeyConfigured: false,
      grants: [{ ...refund, approvals: 0, constraintCount: 0, maxPending: null, rollback: undefined }],
      channels: [],
      activeAdmins: 1,
    });
    expect(result.rows.filter((row) => row.ok).map((row) => row.area)).toEqual([]);
    expect(result.okCount).toBe(0);
    expect(result.rows.find((row) => row.area === 'recovery')!.gaps).toHaveLength(3);
  });
});
