import { describe, expect, it } from 'vitest';
import { claimBlockers, decideProposal } from './decide-proposal';
import { facts, tool } from './gate-fixtures';
import {
  applicableSwitches,
  strongestEffect,
  type SwitchEffect,
  type SwitchFact,
  type SwitchScope,
} from './switch-effects';

const sw = (
  id: string,
  scope: SwitchScope,
  effect: SwitchEffect,
  target: { agentId?: string; toolName?: string } = {},
): SwitchFact => ({
  id,
  scope,
  effect,
  agentId: target.agentId ?? null,
  toolName: target.toolName ?? null,
  reason: `reason ${id}`,
});

describe('applicableSwitches: which switches reach (agent a1, tool refund.issue)', () => {
  it.each<[string, SwitchFact, boolean]>([
    ['global', sw('s', 'global', 'block'), true],
    ['this agent', sw('s', 'agent', 'block', { agentId: 'a1' }), true],
    ['another agent', sw('s', 'agent', 'block', { agentId: 'a2' }), false],
    ['this tool everywhere', sw('s', 'tool', 'block', { toolName: 'refund.issue' }), true],
    ['another tool', sw('s', 'tool', 'block', { toolName: 'mail.send' }), false],
    ['this agent, this tool', sw('s', 'agent-tool', 'block', { agentId: 'a1', toolName: 'refund.issue' }), true],
    ['this agent, another tool', sw('s', 'agent-tool', 'block', { agentId: 'a1', toolName: 'mail.send' }), false],
    ['another agent, this tool', sw('s', 'agent-tool', 'block', { agentId: 'a2', toolName: 'refund.issue' }), false],
    ['unknown scope fails closed', { ...sw('s', 'global', 'block'), scope: 'galaxy' as SwitchScope }, true],
  ])('%s', (_, fact, applies) => {
    expect(applicableSwitches([fact], 'a1', 'refund.issue').length === 1).toBe(applies);
  });

  it('a tool switch does not reach a call to no known tool', () => {
    expect(applicableSwitches([sw('s', 'tool', 'block', { toolName: 'refund.issue' })], 'a1', null)).toEqual([]);
  });
});

describe('strongestEffect: block > draft-only > review-all', () => {
  it.each<[string, SwitchFact[], SwitchEffect | null]>([
    ['none', [], null],
    ['review-all alone', [sw('r', 'global', 'review-all')], 'review-all'],
    [
      'draft-only beats review-all',
      [sw('r', 'global', 'review-all'), sw('d', 'agent', 'draft-only', { agentId: 'a1' })],
      'draft-only',
    ],
    [
      'block beats both',
      [
        sw('r', 'global', 'review-all'),
        sw('b', 'tool', 'block', { toolName: 'refund.issue' }),
        sw('d', 'global', 'draft-only'),
      ],
      'block',
    ],
    [
      'a block elsewhere does not count',
      [sw('b', 'agent', 'block', { agentId: 'a2' }), sw('r', 'global', 'review-all')],
      'review-all',
    ],
  ])('%s', (_, switches, effect) => {
    expect(strongestEffect(switches, 'a1', 'refund.issue')).toBe(effect);
  });
});

describe('the gate under switches in force', () => {
  const block = sw('b1', 'agent', 'block', { agentId: 'a1' });
  const review = sw('r1', 'global', 'review-all');
  const draft = sw('d1', 'tool', 'draft-only', { toolName: 'refund.issue' });
  it.each<[string, Parameters<typeof facts>[0], string, string[]]>([
    [
      'block names the switch and its reason',
      { switches: [block] },
      'blocked',
      ['blocked: switch b1 (block on agent a1): reason b1'],
    ],
    [
      'review-all queues an open grant',
      { switches: [review] },
      'pending_review',
      ['review: switch r1 (review-all on everything): reason r1'],
    ],
    [
      'draft-only turns a write into a draft',
      { switches: [draft] },
      'draft',
      ['draft: switch d1 (draft-only on tool refund.issue): reason d1'],
    ],
    [
      'draft-only leaves a read alone',
      { switches: [draft], tool: tool('read') },
      'approved',
      ['allowed: granted refund.issue without approval'],
    ],
    [
      'draft-only and review-all on a read: review',
      { switches: [draft, review], tool: tool('read') },
      'pending_review',
      ['review: switch r1 (review-all on everything): reason r1'],
    ],
    [
      'draft-only outranks review-all on a write',
      { switches: [review, draft] },
      'draft',
      [
        'draft: switch d1 (draft-only on tool refund.issue): reason d1',
        'review: switch r1 (review-all on everything): reason r1',
      ],
    ],
    [
      'block outranks everything',
      { switches: [review, draft, block] },
      'blocked',
      [
        'blocked: switch b1 (block on agent a1): reason b1',
        'draft: switch d1 (draft-only on tool refund.issue): reason d1',
        'review: switch r1 (review-all on everything): reason r1',
      ],
    ],
  ])('%s', (_, overrides, outcome, reasons) => {
    const decision = decideProposal(facts(overrides));
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons).toEqual(reasons);
  });

  it('review-all asks for at least one approval', () => {
    expect(decideProposal(facts({ switches: [review] })).approvalsRequired).toBe(1);
    expect(decideProposal(facts({ switches: [review], grant: { approvals: 2 } })).approvalsRequired).toBe(2);
  });

  it('a claim is refused by a block switch only', () => {
    expect(claimBlockers(facts({ switches: [block] }))).toEqual(['switch b1 (block on agent a1): reason b1']);
    expect(claimBlockers(facts({ switches: [review, draft] }))).toEqual([]);
  });

  it('an unknown effect blocks (fail closed)', () => {
    expect(decideProposal(facts({ switches: [{ ...review, effect: 'sideways' as SwitchEffect }] })).outcome).toBe(
      'blocked',
    );
  });
});
