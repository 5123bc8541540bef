import { describe, expect, it } from 'vitest';
import { checkConstraint, isSensitivePath } from './check-constraint';
import type { Constraint } from './grant-policy';

const rule = (c: Record<string, unknown>) => ({ effect: 'block', ...c }) as Constraint;

describe('checkConstraint: reasons quote a value only when it is not sensitive', () => {
  it.each<[string, Constraint, Record<string, unknown>, string]>([
    [
      'allowed value',
      rule({ kind: 'allowed_values', param: 'recipient', values: ['a@x.test'] }),
      { recipient: 'evil@y.test' },
      'recipient is not an allowed value ("a@x.test")',
    ],
    [
      'pattern',
      rule({ kind: 'pattern', param: 'iban', pattern: 'DE\\d+' }),
      { iban: 'GB29NWBK60161331926819' },
      'iban does not match DE\\d+',
    ],
    ['range', rule({ kind: 'range', param: 'salary', max: 500 }), { salary: 91_234 }, 'salary > 500'],
    [
      'e-mail domain',
      rule({ kind: 'email_domain', param: 'recipient', domains: ['x.test'] }),
      { recipient: 'evil@y.test' },
      'recipient is outside x.test',
    ],
    [
      'url domain',
      rule({ kind: 'url_domain', param: 'payee.link', domains: ['x.test'] }),
      { payee: { link: 'https://y.test/secret' } },
      'payee.link is outside x.test',
    ],
    ['wrong type', rule({ kind: 'pattern', param: 'iban', pattern: 'DE\\d+' }), { iban: 12345 }, 'iban is not text'],
  ])('%s, sensitive', (_name, constraint, params, reason) => {
    const sensitive = ['recipient', 'iban', 'salary', 'payee'];
    expect(checkConstraint(constraint, params, sensitive)).toBe(reason);
    expect(checkConstraint(constraint, params, sensitive)).not.toMatch(/evil|GB29|91,234|secret|12,345/);
  });

  it('quotes values of fields that are not sensitive', () => {
    expect(checkConstraint(rule({ kind: 'range', param: 'amount', max: 500 }), { amount: 1200 }, ['iban'])).toBe(
      'amount 1,200 > 500',
    );
    expect(
      checkConstraint(rule({ kind: 'pattern', param: 'orderId', pattern: 'ORD-\\d+' }), { orderId: 'X-1' }, []),
    ).toBe('orderId "X-1" does not match ORD-\\d+');
  });

  it('a path is sensitive when it is, lies inside or contains a sensitive path', () => {
    expect(isSensitivePath('payee.iban', ['payee'])).toBe(true);
    expect(isSensitivePath('payee', ['payee.iban'])).toBe(true);
    expect(isSensitivePath('payeeName', ['payee'])).toBe(false);
  });
});

describe('checkConstraint: patterns run in linear time', () => {
  it('a catastrophic pattern on a long value answers at once', () => {
    const constraint = rule({ kind: 'pattern', param: 'note', pattern: '(\\w+\\s?)+' });
    expect(checkConstraint(constraint, { note: `${'a'.repeat(5000)}!` }, [])).toMatch(/does not match/);
  });

  it('a value above the length cap fails closed without being tested', () => {
    const constraint = rule({ kind: 'pattern', param: 'note', pattern: '.*' });
    expect(checkConstraint(constraint, { note: 'a'.repeat(10_001) }, [])).toBe(
      'note is longer than 10,000 characters: not checked against .*',
    );
  });

  it('a pattern RE2 cannot run (backreference) blocks: it is never allowed through', () => {
    expect(checkConstraint(rule({ kind: 'pattern', param: 'a', pattern: '(x)\\1' }), { a: 'xx' }, [])).toBe(
      'a cannot be checked: the pattern is invalid',
    );
  });
});
