import { describe, expect, it } from 'vitest';
import { newTraceId, uuidV7 } from './time-ordered-id';

describe('uuidV7', () => {
  it('is a version 7, variant 1 UUID carrying the time', () => {
    const id = uuidV7(Date.UTC(2026, 10, 25, 12));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 25, 12));
  });

  it('sorts in creation order, also within one millisecond and when the clock steps back', () => {
    const at = Date.UTC(2030, 0, 1); // later than anything the other tests produced
    const ids = [uuidV7(at), uuidV7(at), uuidV7(at), uuidV7(at - 5), uuidV7(at + 1), uuidV7(at + 1)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('does not repeat across many ids (random bits, not a counter alone)', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => uuidV7()));
    expect(ids.size).toBe(20_000);
  });
});

describe('newTraceId', () => {
  it('starts with tr_, sorts by time and differs each call', () => {
    const a = newTraceId(1_000_000),
      b = newTraceId(1_000_000),
      c = newTraceId(2_000_000);
    expect(a).toMatch(/^tr_[0-9a-z]{9}[A-Za-z0-9_-]{12}$/);
    expect(a).not.toBe(b);
    expect(a < c && b < c).toBe(true);
  });
});
