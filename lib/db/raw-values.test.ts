import { describe, expect, it } from 'vitest';
import { rawBool, rawDate, rawInt, rawText } from './raw-values';

describe('raw SQL values from SQLite and PostgreSQL', () => {
  it.each<[unknown, boolean]>([
    [true, true],
    [1, true],
    [1n, true],
    ['1', true],
    [false, false],
    [0, false],
    [0n, false],
    [null, false],
  ])('bool %s → %s', (value, expected) => {
    expect(rawBool(value)).toBe(expected);
  });

  it('reads ints and text, keeping null', () => {
    expect([rawInt(3n), rawInt('7'), rawInt(null)]).toEqual([3, 7, null]);
    expect([rawText('a'), rawText(undefined)]).toEqual(['a', null]);
  });

  it.each<[unknown, string | null]>([
    ['2026-11-25T14:55:27.893+00:00', '2026-11-25T14:55:27.893Z'], // how Prisma's SQLite adapter stores a Date
    [new Date('2026-01-01T00:00:00Z'), '2026-01-01T00:00:00.000Z'], // PostgreSQL
    [1_700_000_000_000, '2023-11-14T22:13:20.000Z'],
    ['not a date', '1970-01-01T00:00:00.000Z'], // unreadable → the past (fail closed)
    [null, null],
  ])('date %s', (value, expected) => {
    expect(rawDate(value)?.toISOString() ?? null).toBe(expected);
  });
});
