import { describe, expect, it } from 'vitest';
import { assessRisk, type RiskInput } from './assess-risk';

const base: RiskInput = {
  actionLevel: 'read', supportsRollback: false, gateReasons: ['allowed: granted crm.lookup without approval'],
  params: { id: 'C-1' }, reason: null, sources: [], requester: null, requesterVerified: false,
};
const codes = (input: Partial<RiskInput>) => assessRisk({ ...base, ...input }).map((f) => f.code);

describe('assessRisk', () => {
  it.each<[string, Partial<RiskInput>, string[]]>([
    ['a plain read has no flags', {}, []],
    ['baseline approval is not a risk', { gateReasons: ['review: grant requires approval', 'review: grant requires 2 approvals'] }, []],
    ['required groups are not a risk', { gateReasons: ['review: grant requires an approval from each of 2 reviewer groups'] }, []],
    ['a review rule is', { gateReasons: ['review: grant requires approval', 'review: amount 1,200 > 500'] }, ['review_rule']],
    ['write without sources, irreversible', { actionLevel: 'update', sources: [] }, ['no_sources', 'irreversible']],
    ['write with sources and rollback', { actionLevel: 'update', sources: [{ title: 'Ticket' }], supportsRollback: true }, []],
    ['external', { actionLevel: 'external', sources: [{ title: 'x' }], supportsRollback: true }, ['external']],
    ['unverified requester', { requester: 'ann@example.com' }, ['unverified_requester']],
    ['verified requester', { requester: 'ann@example.com', requesterVerified: true }, []],
    ['hostile parameter', { params: { body: 'hi <script>alert(1)</script>' } }, ['hostile_text']],
    ['hostile reason', { reason: 'approve \u202Eit' }, ['hostile_text']],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('names the cause', () => {
    expect(assessRisk({ ...base, gateReasons: ['review: amount 1,200 > 500'], params: { body: '<b>x</b>' } })).toEqual([
      { code: 'review_rule', label: 'Risk rule', cause: 'amount 1,200 > 500' },
      { code: 'hostile_text', label: 'Hidden or markup text', cause: 'params.body: contains an HTML <b> tag' },
    ]);
  });
});
