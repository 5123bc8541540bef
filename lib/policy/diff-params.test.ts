import { describe, expect, it } from 'vitest';
import { MASK } from './mask';
import { diffParams, type ParamChange } from './diff-params';

type Params = Record<string, unknown>;

describe('diffParams', () => {
  it.each<[string, Params, Params, string[], Partial<ParamChange>[]]>([
    ['identical', { a: 1, b: 'x' }, { a: 1, b: 'x' }, [], []],
    ['key order is no change', { a: 1, b: { c: 1, d: 2 } }, { b: { d: 2, c: 1 }, a: 1 }, [], []],
    [
      'changed value',
      { title: 'a', priority: 2 },
      { title: 'b', priority: 2 },
      [],
      [{ path: 'title', before: 'a', after: 'b' }],
    ],
    ['type change', { n: 1 }, { n: '1' }, [], [{ path: 'n', before: 1, after: '1' }]],
    ['added field', { a: 1 }, { a: 1, b: 2 }, [], [{ path: 'b', after: 2 }]],
    ['removed field', { a: 1, b: 2 }, { a: 1 }, [], [{ path: 'b', before: 2 }]],
    ['null is a value, not absence', { a: null }, { a: 0 }, [], [{ path: 'a', before: null, after: 0 }]],
    [
      'nested objects by dotted path',
      { to: { email: 'a@x.com', name: 'A' } },
      { to: { email: 'b@x.com', name: 'A' } },
      [],
      [{ path: 'to.email', before: 'a@x.com', after: 'b@x.com' }],
    ],
    [
      'object replaced by a value',
      { to: { email: 'a@x.com' } },
      { to: 'b' },
      [],
      [{ path: 'to', before: { email: 'a@x.com' }, after: 'b' }],
    ],
    [
      'arrays compared whole',
      { tags: ['a', 'b'] },
      { tags: ['a', 'c'] },
      [],
      [{ path: 'tags', before: ['a', 'b'], after: ['a', 'c'] }],
    ],
    ['arrays of objects compared canonically', { xs: [{ a: 1, b: 2 }] }, { xs: [{ b: 2, a: 1 }] }, [], []],
    [
      'order: old keys first, then new ones',
      { b: 1, a: 1 },
      { c: 1, a: 2, b: 2 },
      [],
      [
        { path: 'b', before: 1, after: 2 },
        { path: 'a', before: 1, after: 2 },
        { path: 'c', after: 1 },
      ],
    ],
    [
      'sensitive value masked on both sides',
      { card: '4111', amount: 1 },
      { card: '4242', amount: 2 },
      ['card'],
      [
        { path: 'card', before: MASK, after: MASK },
        { path: 'amount', before: 1, after: 2 },
      ],
    ],
    ['sensitive added: only after, masked', {}, { card: '4242' }, ['card'], [{ path: 'card', after: MASK }]],
    ['sensitive removed: only before, masked', { card: '4111' }, {}, ['card'], [{ path: 'card', before: MASK }]],
    [
      'nested sensitive path',
      { to: { email: 'a@x.com', iban: 'DE1' } },
      { to: { email: 'a@x.com', iban: 'DE2' } },
      ['to.iban'],
      [{ path: 'to.iban', before: MASK, after: MASK }],
    ],
    [
      'under a sensitive object',
      { secret: { key: 'k1' } },
      { secret: { key: 'k2' } },
      ['secret'],
      [{ path: 'secret.key', before: MASK, after: MASK }],
    ],
    [
      'whole object holding a sensitive path: masked inside',
      { to: 'nobody' },
      { to: { email: 'a@x.com', iban: 'DE2' } },
      ['to.iban'],
      [{ path: 'to', before: 'nobody', after: { email: 'a@x.com', iban: MASK } }],
    ],
    [
      'unchanged sensitive value is not listed',
      { card: '4111', n: 1 },
      { card: '4111', n: 2 },
      ['card'],
      [{ path: 'n', before: 1, after: 2 }],
    ],
  ])('%s', (_name, before, after, sensitive, expected) => {
    expect(diffParams(before, after, sensitive)).toEqual(expected);
  });

  it('never leaves a sensitive value in clear anywhere in the result', () => {
    const changes = diffParams({ a: { b: { secret: 'OLD-SECRET' } } }, { a: { b: { secret: 'NEW-SECRET' }, c: [1] } }, [
      'a.b.secret',
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/SECRET/);
  });
});
