import { describe, expect, it } from 'vitest';
import { medianBy, percentile, poolRounds, readCpuTicks, stealShare } from './bench-lib.mjs';

const ascending = (values: number[]) => Float64Array.from(values).sort();
const hundred = ascending(Array.from({ length: 100 }, (_, i) => i + 1)); // 1 … 100

describe('percentile (nearest rank)', () => {
  it.each([
    { q: 0.5, of: hundred, is: 50 },
    { q: 0.99, of: hundred, is: 99 },
    { q: 1, of: hundred, is: 100 },
    { q: 0.001, of: hundred, is: 1 },
    // 3,000 answers: the p99 is the 2,970th smallest, i.e. the 31st slowest.
    { q: 0.99, of: ascending(Array.from({ length: 3000 }, (_, i) => i)), is: 2969 },
    { q: 0.99, of: ascending([7]), is: 7 },
    { q: 0.5, of: ascending([1, 2]), is: 1 },
  ])('p$q of $of.length values is $is', ({ q, of, is }) => {
    expect(percentile(of, q)).toBe(is);
  });
});

describe('poolRounds', () => {
  const route = (latencies: number[], rps = 300, non2xx = 0) => ({ latencies, rps, non2xx });

  it('takes the percentiles of every round’s answers together, not a figure of each round', () => {
    // Round 1 has every slow proposal; a median of per-round p99s would hide them, the pooled p99 does not.
    const fast = Array.from({ length: 98 }, () => 10);
    const rounds = [
      { baseline: route(Array(100).fill(5)), proposals: route([...fast, 40, 40]) },
      { baseline: route(Array(100).fill(5)), proposals: route([...fast, 10, 10]) },
      { baseline: route(Array(100).fill(5)), proposals: route([...fast, 10, 10]) },
    ];
    const pooled = poolRounds(rounds);
    expect(pooled.proposals.total).toBe(300);
    expect(pooled.proposals.p99).toBe(10); // the 297th of 300: only the 2 slowest of 300 are above the p99
    expect(pooled.proposals.max).toBe(40);
    expect(pooled.baseline.p99).toBe(5);
    expect(pooled.p99ratio).toBe(2);
  });

  it('lands on the slow answers once they are over 1 % of all', () => {
    const rounds = [0, 1].map(() => ({
      baseline: route(Array.from({ length: 100 }, (_, i) => (i < 98 ? 4 : 8))),
      proposals: route(
        Array.from({ length: 100 }, (_, i) => (i < 97 ? 10 : 30)),
        290,
        1,
      ),
    }));
    const pooled = poolRounds(rounds);
    expect(pooled.proposals).toMatchObject({ p50: 10, p90: 10, p99: 30, max: 30, rps: 290, non2xx: 2, total: 200 });
    expect(pooled.baseline.p99).toBe(8);
    expect(pooled.p99ratio).toBe(30 / 8);
  });

  it('sorts numerically (a lexical sort would put 100 before 20)', () => {
    const rounds = [{ baseline: route([100, 20, 3]), proposals: route([3, 100, 20]) }];
    expect(poolRounds(rounds).baseline).toMatchObject({ p50: 20, max: 100 });
  });
});

describe('medianBy', () => {
  it.each([
    { values: [3, 1, 2], is: 2 },
    { values: [4, 1, 3, 2], is: 2 }, // the lower middle of an even count
    { values: [5], is: 5 },
  ])('of $values is $is', ({ values, is }) => {
    expect(
      medianBy(
        values.map((ratio) => ({ ratio })),
        'ratio',
      ).ratio,
    ).toBe(is);
  });
});

describe('CPU steal from /proc/stat', () => {
  // user nice system idle iowait irq softirq steal guest guest_nice
  const before = 'cpu  100 0 20 300 5 0 5 10 0 0\ncpu0 50 0 10 150 2 0 2 5 0 0\n';
  const after = 'cpu  160 0 30 360 5 0 5 40 0 0\n';

  it('reads all ticks and the stolen ones from the first line', () => {
    expect(readCpuTicks(before)).toEqual({ total: 440, steal: 10 });
  });

  it('the stolen share of the time between two readings', () => {
    expect(stealShare(readCpuTicks(before), readCpuTicks(after))).toBeCloseTo(30 / 160);
  });

  it('no /proc/stat, another format, or no time passed: null, never a made-up figure', () => {
    expect(readCpuTicks(null)).toBeNull();
    expect(readCpuTicks('intr 1 2 3\n')).toBeNull();
    expect(readCpuTicks('cpu 1 2 3\n')).toBeNull();
    expect(stealShare(null, readCpuTicks(after))).toBeNull();
    expect(stealShare(readCpuTicks(after), readCpuTicks(after))).toBeNull();
  });
});
