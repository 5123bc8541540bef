import { describe, expect, it } from 'vitest';
import { ACTION_LEVELS, type ActionLevel } from './action-levels';
import { decideProposal, claimBlockers, type DecisionFacts } from './decide-proposal';

const tool = (actionLevel: ActionLevel = 'update', enabled = true) => ({ name: 'crm.update_field', actionLevel, enabled });
const base: DecisionFacts = {
  globalStop: false,
  agent: { status: 'active', mode: 'live' },
  tool: tool(),
  grant: { approvalRequired: false },
};
const facts = (overrides: Partial<DecisionFacts>): DecisionFacts => ({ ...base, ...overrides });

describe('decideProposal', () => {
  it.each<[string, DecisionFacts, string, string[]]>([
    ['granted, no approval needed', base, 'approved', ['granted crm.update_field without approval']],
    ['grant requires approval', facts({ grant: { approvalRequired: true } }), 'pending_review', ['grant requires approval for crm.update_field']],
    ['draft-only agent, writing tool', facts({ agent: { status: 'active', mode: 'draft_only' } }), 'draft', ['agent is in draft-only mode and update actions write']],
    ['draft-only agent, approval required: still a draft', facts({ agent: { status: 'active', mode: 'draft_only' }, grant: { approvalRequired: true } }), 'draft', ['agent is in draft-only mode and update actions write']],
    ['draft-only agent, read tool', facts({ agent: { status: 'active', mode: 'draft_only' }, tool: tool('read') }), 'approved', ['granted crm.update_field without approval']],
    ['global stop', facts({ globalStop: true }), 'blocked', ['global stop is engaged']],
    ['paused agent', facts({ agent: { status: 'paused', mode: 'live' } }), 'blocked', ['agent is paused']],
    ['unknown tool', facts({ tool: null, grant: null }), 'blocked', ['tool does not exist']],
    ['disabled tool', facts({ tool: tool('update', false) }), 'blocked', ['tool crm.update_field is disabled']],
    ['tool not granted', facts({ grant: null }), 'blocked', ['tool crm.update_field is not granted to this agent']],
    [
      'every block at once, in fixed order',
      facts({ globalStop: true, agent: { status: 'paused', mode: 'draft_only' }, tool: tool('external', false), grant: null }),
      'blocked',
      ['global stop is engaged', 'agent is paused', 'tool crm.update_field is disabled', 'tool crm.update_field is not granted to this agent'],
    ],
    ['unknown agent status counts as not active', facts({ agent: { status: 'deleted', mode: 'live' } }), 'blocked', ['agent is paused']],
  ])('%s', (_name, input, outcome, reasons) => {
    expect(decideProposal(input)).toEqual({ outcome, reasons });
  });

  it.each(ACTION_LEVELS)('draft-only mode turns only writes into drafts (%s)', (level) => {
    const { outcome } = decideProposal(facts({ agent: { status: 'active', mode: 'draft_only' }, tool: tool(level) }));
    expect(outcome).toBe(['create', 'update', 'external'].includes(level) ? 'draft' : 'approved');
  });

  it('fails closed when the facts are malformed', () => {
    const broken = { ...base, agent: null } as unknown as DecisionFacts;
    expect(decideProposal(broken)).toEqual({ outcome: 'blocked', reasons: ['policy could not be evaluated'] });
  });
});

describe('claimBlockers', () => {
  it.each<[string, DecisionFacts, string[]]>([
    ['nothing changed since approval', base, []],
    ['global stop engaged since', facts({ globalStop: true }), ['global stop is engaged']],
    ['agent paused since', facts({ agent: { status: 'paused', mode: 'live' } }), ['agent is paused']],
    ['grant removed since', facts({ grant: null }), ['tool crm.update_field is not granted to this agent']],
    ['tool disabled since', facts({ tool: tool('update', false) }), ['tool crm.update_field is disabled']],
  ])('%s', (_name, input, blockers) => {
    expect(claimBlockers(input)).toEqual(blockers);
  });

  it('fails closed when the facts are malformed', () => {
    expect(claimBlockers(null as unknown as DecisionFacts)).toEqual(['policy could not be evaluated']);
  });
});
