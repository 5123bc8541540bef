import { describe, expect, it } from 'vitest';
import { MASK } from '../policy/mask';
import { keepMaskedParams, maskParams } from './present-params';

type Params = Record<string, unknown>;
const current = { card: '4111', amount: 5, to: { iban: 'DE1', name: 'Ann' } };
const sensitive = ['card', 'to.iban'];

describe('keepMaskedParams', () => {
  it.each<[string, Params, Params, string[]]>([
    [
      'masked values are kept as they were',
      { card: MASK, amount: 7, to: { iban: MASK, name: 'Bob' } },
      { card: '4111', amount: 7, to: { iban: 'DE1', name: 'Bob' } },
      [],
    ],
    [
      'left out: kept too',
      { amount: 7, to: { name: 'Ann' } },
      { amount: 7, to: { name: 'Ann', iban: 'DE1' }, card: '4111' },
      [],
    ],
    [
      'the same value sent in clear is no change',
      { card: '4111', amount: 5, to: { iban: MASK, name: 'Ann' } },
      { card: '4111', amount: 5, to: { iban: 'DE1', name: 'Ann' } },
      [],
    ],
    [
      'another value is refused',
      { card: '4242', amount: 5, to: { iban: MASK, name: 'Ann' } },
      { card: '4242', amount: 5, to: { iban: 'DE1', name: 'Ann' } },
      ['card'],
    ],
    ['its parent removed is refused', { card: MASK, amount: 5 }, { card: '4111', amount: 5 }, ['to.iban']],
  ])('%s', (_name, submitted, params, refused) => {
    expect(keepMaskedParams(submitted, current, sensitive)).toEqual({ params, refused });
  });

  it('a masked value where there was none is refused; absent stays absent', () => {
    expect(keepMaskedParams({ amount: 1, card: MASK }, { amount: 1 }, ['card']).refused).toEqual(['card']);
    expect(keepMaskedParams({ amount: 1 }, { amount: 1 }, ['card'])).toEqual({ params: { amount: 1 }, refused: [] });
  });

  it('round-trips what maskParams showed', () => {
    expect(keepMaskedParams(maskParams(current, sensitive), current, sensitive)).toEqual({
      params: current,
      refused: [],
    });
  });
});
