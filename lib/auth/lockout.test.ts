import { describe, expect, it } from 'vitest';
import { lockedUntil } from './lockout';

const settings = { threshold: 5, baseSeconds: 30, maxSeconds: 900 };
const last = new Date('2026-01-01T00:00:00Z');
const after = (seconds: number) => new Date(last.getTime() + seconds * 1000);

describe('lockedUntil', () => {
  it.each([
    [0, null],
    [4, null],
    [5, after(30)],
    [6, after(60)],
    [7, after(120)],
    [9, after(480)],
    [10, after(900)],
    [40, after(900)],
    [10_000, after(900)],
  ])('%i failures lock until %s', (failures, expected) => {
    expect(lockedUntil(failures, last, settings)).toEqual(expected);
  });

  it('locks nothing without a last failure', () => {
    expect(lockedUntil(9, null, settings)).toBeNull();
  });
});
