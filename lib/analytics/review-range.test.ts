import { describe, expect, it } from 'vitest';
import { parseReviewRange, type RangeQuery } from './review-range';

const NOW = new Date(Date.UTC(2026, 10, 25, 14, 2, 20));

describe('parseReviewRange', () => {
  it.each<[string, RangeQuery, { from: string; to: string; threshold: string }, string, string, number, number]>([
    // name, query, form shown, range from (ISO), range to (ISO, exclusive), fast seconds, problems
    [
      'default: the last 30 days including today, 5 s',
      {},
      { from: '2026-10-27', to: '2026-11-25', threshold: '5' },
      '2026-10-27T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
      5,
      0,
    ],
    [
      'explicit days are whole UTC days',
      { from: '2026-11-01', to: '2026-11-01', threshold: '10' },
      { from: '2026-11-01', to: '2026-11-01', threshold: '10' },
      '2026-11-01T00:00:00.000Z',
      '2026-11-02T00:00:00.000Z',
      10,
      0,
    ],
    [
      'only To: the 30 days before it',
      { to: '2026-03-31' },
      { from: '2026-03-02', to: '2026-03-31', threshold: '5' },
      '2026-03-02T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
      5,
      0,
    ],
    [
      'empty fields mean the default',
      { from: '', to: ' ', threshold: '' },
      { from: '2026-10-27', to: '2026-11-25', threshold: '5' },
      '2026-10-27T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
      5,
      0,
    ],
    [
      'repeated parameters: the first wins',
      { from: ['2026-11-20', '2020-01-01'] },
      { from: '2026-11-20', to: '2026-11-25', threshold: '5' },
      '2026-11-20T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
      5,
      0,
    ],
    [
      'not a date',
      { from: 'yesterday' },
      { from: '2026-10-27', to: '2026-11-25', threshold: '5' },
      '2026-10-27T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
      5,
      1,
    ],
    [
      'an impossible date is refused, not rolled over',
      { to: '2026-02-31' },
      { from: '2026-10-27', to: '2026-11-25', threshold: '5' },
      '2026-10-27T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
      5,
      1,
    ],
    [
      'From after To',
      { from: '2026-11-10', to: '2026-11-01' },
      { from: '2026-10-03', to: '2026-11-01', threshold: '5' },
      '2026-10-03T00:00:00.000Z',
      '2026-11-02T00:00:00.000Z',
      5,
      1,
    ],
    [
      'longer than 366 days is shortened',
      { from: '2020-01-01', to: '2026-11-25' },
      { from: '2025-11-25', to: '2026-11-25', threshold: '5' },
      '2025-11-25T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
      5,
      1,
    ],
    [
      'threshold not a whole number',
      { threshold: '2.5' },
      { from: '2026-10-27', to: '2026-11-25', threshold: '5' },
      '2026-10-27T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
      5,
      1,
    ],
    [
      'threshold of 0',
      { threshold: '0' },
      { from: '2026-10-27', to: '2026-11-25', threshold: '5' },
      '2026-10-27T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
      5,
      1,
    ],
  ])('%s', (_name, query, form, from, to, fastSeconds, problems) => {
    const parsed = parseReviewRange(query, NOW);
    expect(parsed.form).toEqual(form);
    expect([parsed.range.from.toISOString(), parsed.range.to.toISOString(), parsed.range.fastSeconds]).toEqual([
      from,
      to,
      fastSeconds,
    ]);
    expect(parsed.problems).toHaveLength(problems);
  });
});
