import { describe, expect, it } from 'vitest';
import { summarizePayload } from './audit-event-format';
import type { AuditPayloadInput } from './event-payloads';
import type { AuditEventType } from './event-types';
import { readAuditPayload } from './read-audit-payload';

/** A payload as the reader gives it back from the database's text. */
const read = <T extends AuditEventType>(type: T, payload: AuditPayloadInput<T>) =>
  readAuditPayload(type, JSON.stringify(payload));

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
    const line = summarizePayload(
      read('action.params_invalid', {
        tool: 'refund.issue',
        issues: [
          { path: 'amount', message: 'must be a number' },
          { path: '', message: 'must have property orderId' },
        ],
      }),
    );
    expect(line).toBe('tool: refund.issue · issues: amount: must be a number; must have property orderId');
    expect(line).not.toContain('(absent)');
  });

  it('shows a parameter edit as before → after, "(absent)" for a side without a value', () => {
    expect(
      summarizePayload(
        read('action.params_edited', {
          version: 2,
          changes: [
            { path: 'amount', before: 80, after: 40 },
            { path: 'note', after: 'hi' },
          ],
          paramsHash: 'abc',
          comment: null,
        }),
      ),
    ).toBe('version: 2 · changes: amount: 80 → 40; note: (absent) → "hi" · paramsHash: abc');
  });

  it('shows a grant change as the human summary of the rules before and after', () => {
    const line = summarizePayload(
      read('grant.updated', { tool: 'refund.issue', version: 2, before: rules(0), after: rules(1, 500) }),
    );
    expect(line).toBe(
      'tool: refund.issue · version: 2 · before: no approval · after: 1 approval · amount ≤ 500 else review',
    );
  });

  it('keeps other nested settings as name=value', () => {
    expect(
      summarizePayload(read('tool.updated', { name: 'x', before: { mode: 'live' }, after: { mode: 'draft' } })),
    ).toBe('name: x · before: mode=live · after: mode=draft');
  });

  it('shows a payload that did not parse as recorded', () => {
    expect(summarizePayload(readAuditPayload('tool.enabled', '{"tool":"x"}'))).toBe('{"tool":"x"}');
  });
});
