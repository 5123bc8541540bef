import { describe, expect, it } from 'vitest';
import { isTimeZone, zonedWallTimeToDate } from './zoned-time';

describe('zonedWallTimeToDate', () => {
  it.each([
    ['2026-11-25T14:02', 'UTC', '2026-11-25T14:02:00.000Z'],
    ['2026-11-25T14:02', 'America/New_York', '2026-11-25T19:02:00.000Z'], // EST, UTC-5
    ['2026-07-01T09:30:15', 'America/New_York', '2026-07-01T13:30:15.000Z'], // EDT, UTC-4
    ['2026-07-01T00:00', 'Asia/Kolkata', '2026-06-30T18:30:00.000Z'],
    ['2026-03-29T03:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'], // just after the spring-forward gap
  ])('%s in %s is %s', (wall, zone, iso) => {
    expect(zonedWallTimeToDate(wall, zone)?.toISOString()).toBe(iso);
  });

  it('refuses what is not a time', () => {
    expect(zonedWallTimeToDate('2026-13-01T00:00', 'UTC')).toBeNull();
  });

  it('knows a zone from a made-up name', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
