/**
 * A wall-clock time in a named time zone ("2026-11-25T14:02" in America/New_York) → the instant. The audit filters
 * are typed in the viewer's zone, which the browser names; the server turns them into UTC bounds. Pure, Intl only.
 */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `wall` is "YYYY-MM-DDTHH:MM[:SS]"; returns null when it is not a real time. */
export function zonedWallTimeToDate(wall: string, zone: string): Date | null {
  const asUtc = Date.parse(`${wall}${wall.length === 16 ? ':00' : ''}Z`);
  if (Number.isNaN(asUtc)) return null;
  // The zone's offset at the guess, then again at the corrected instant (the two differ only across a DST change).
  let instant = asUtc - offsetAt(asUtc, zone);
  instant = asUtc - offsetAt(instant, zone);
  return new Date(instant);
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}
