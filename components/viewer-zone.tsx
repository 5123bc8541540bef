'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The viewer's time zone as the browser names it. The server render (and hydration) use `fallback`, so both render
 * the same markup; React then renders again with the browser's zone. No hydration mismatch, no re-created tree.
 */
export function useViewerZone(fallback: string | null): string | null {
  return useSyncExternalStore(noSubscription, browserZone, () => fallback);
}

/** "2026-11-25 09:02:20" in `zone` (24-hour, sortable, like the UTC form it replaces). */
export function formatInZone(iso: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/**
 * An event time in the viewer's zone with the zone's short name ("EST"), the UTC time on hover. The server cannot
 * know the zone, so it renders UTC; the browser swaps in local time after hydration.
 */
export function LocalTime({ iso }: { iso: string }) {
  const zone = useViewerZone(null);
  const utc = `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
  if (!zone)
    return (
      <time dateTime={iso} title={utc}>
        {utc}
      </time>
    );
  const short =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(new Date(iso))
      .find((part) => part.type === 'timeZoneName')?.value ?? zone;
  return (
    <time dateTime={iso} title={utc}>
      {formatInZone(iso, zone)} <span className="text-gray-500">{short}</span>
    </time>
  );
}

/** The form's hidden `tz` field and the note that says which zone From and To are read in. */
export function ZoneFields({ submitted }: { submitted: string | undefined }) {
  const zone = useViewerZone(submitted ?? null);
  return (
    <>
      {zone ? <input type="hidden" name="tz" value={zone} /> : null}
      <p id="audit-zone-note" className="text-xs text-gray-600 sm:col-span-2 lg:col-span-4">
        From and To are in{' '}
        {zone ? (
          <>
            your time zone, <span className="font-medium">{zone}</span>
          </>
        ) : (
          'UTC'
        )}
        ; both inclusive.
      </p>
    </>
  );
}
