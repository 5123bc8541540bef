import { describe, expect, it } from 'vitest';
import { ACTION_LEVELS, type ActionLevel } from './action-levels';
import { approvalNeedsConfirmation } from './approval-confirmation';

describe('approvalNeedsConfirmation', () => {
  const table: [ActionLevel | null, boolean][] = [
    ['read', false],
    ['draft', false],
    ['classify', true],
    ['create', true],
    ['update', true],
    ['external', true],
    [null, true],
  ];
  it.each(table)('%s → %s', (level, expected) => {
    expect(approvalNeedsConfirmation(level)).toBe(expected);
  });

  it('covers every level, so a new one cannot slip through unconfirmed by omission', () => {
    expect(new Set(table.map(([level]) => level))).toEqual(new Set([...ACTION_LEVELS, null]));
  });
});
