import { describe, expect, it } from 'vitest';
import { diffValues, type DiffKind } from './diff-values';

const kinds = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  diffValues(before, after).map((entry) => [entry.path, entry.kind]);

describe('diffValues', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, [string, DiffKind][]]>([
    ['a changed field', { email: 'a@x.example' }, { email: 'b@x.example' }, [['email', 'changed']]],
    ['an unchanged field', { plan: 'pro' }, { plan: 'pro' }, [['plan', 'unchanged']]],
    [
      'a field the update does not name is untouched, not removed',
      { plan: 'pro', seats: 3 },
      { seats: 4 },
      [
        ['plan', 'untouched'],
        ['seats', 'changed'],
      ],
    ],
    ['a field the record did not have is added', {}, { note: 'vip' }, [['note', 'added']]],
    [
      'nested objects are walked to their leaves',
      { address: { city: 'Lyon', zip: '69001' } },
      { address: { city: 'Paris', zip: '69001' } },
      [
        ['address.city', 'changed'],
        ['address.zip', 'unchanged'],
      ],
    ],
    ['arrays compare whole', { tags: ['a', 'b'] }, { tags: ['a', 'c'] }, [['tags', 'changed']]],
    [
      'key order inside a value does not matter',
      { meta: [{ a: 1, b: 2 }] },
      { meta: [{ b: 2, a: 1 }] },
      [['meta', 'unchanged']],
    ],
    ['a type change is a change', { seats: 3 }, { seats: '3' }, [['seats', 'changed']]],
    ['an object replaced by a scalar is one change', { owner: { id: 1 } }, { owner: null }, [['owner', 'changed']]],
    ['odd keys are quoted', { 'first name': 'A' }, { 'first name': 'B' }, [['["first name"]', 'changed']]],
  ])('%s', (_name, before, after, expected) => {
    expect(kinds(before, after)).toEqual(expected);
  });

  it('keeps both values', () => {
    expect(diffValues({ amount: 10 }, { amount: 12 })).toEqual([
      { path: 'amount', kind: 'changed', before: 10, after: 12, masked: false },
    ]);
    expect(diffValues({ plan: 'pro' }, {})).toEqual([
      { path: 'plan', kind: 'untouched', before: 'pro', masked: false },
    ]);
  });

  it('masks sensitive paths and everything under them, keeping whether they changed', () => {
    const entries = diffValues(
      { iban: 'DE00 1111', bank: { account: '1', name: 'Old Bank' }, name: 'Ann' },
      { iban: 'DE00 2222', bank: { account: '1', name: 'New Bank' }, name: 'Ann' },
      { sensitive: ['iban', 'bank'], mask: '***' },
    );
    expect(entries).toEqual([
      { path: 'iban', kind: 'changed', before: '***', after: '***', masked: true },
      { path: 'bank.account', kind: 'unchanged', before: '***', after: '***', masked: true },
      { path: 'bank.name', kind: 'changed', before: '***', after: '***', masked: true },
      { path: 'name', kind: 'unchanged', before: 'Ann', after: 'Ann', masked: false },
    ]);
  });
});
