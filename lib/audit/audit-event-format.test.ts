import { describe, expect, it } from 'vitest';
import { summarizePayload } from '@/components/audit-event-format';

const rules = (approvals: number, max?: number) => ({
  approvals,
  constraints: max === undefined ? [] : [{ kind: 'range', param: 'amount', max, effect: 'review' }],
  rateLimit: null,
  maxCallsPerTrace: null,
  maxPending: null,
  expiresAt: null,
  environment: 'any',
  requireReason: false,
  requester: null,
  loop: null,
});

describe('summarizePayload', () => {
  it('shows the message of each refused parameter, not an empty change', () => {
    const line = summarizePayload({
      tool: 'refund.issue',
      issues: [
        { path: 'amount', message: 'must be a number' },
        { path: '', message: 'must have property orderId' },
      ],
    });
    expect(line).toBe('tool: refund.issue · issues: amount: must be a number; must have property orderId');
    expect(line).not.toContain('(absent)');
  });

  it('shows a parameter edit as before → after, "(absent)" for a side without a value', () => {
    expect(
      summarizePayload({
        changes: [
          { path: 'amount', before: 80, after: 40 },
          { path: 'note', after: 'hi' },
        ],
      }),
    ).toBe('changes: amount: 80 → 40; note: (absent) → "hi"');
  });

  it('shows a grant change as the human summary of the rules before and after', () => {
    const line = summarizePayload({ tool: 'refund.issue', version: 2, before: rules(0), after: rules(1, 500) });
    expect(line).toBe(
      'tool: refund.issue · version: 2 · before: no approval · after: 1 approval · amount ≤ 500 else review',
    );
  });

  it('keeps other nested settings as name=value', () => {
    expect(summarizePayload({ after: { name: 'x', mode: 'draft' } })).toBe('after: name=x mode=draft');
  });
});
