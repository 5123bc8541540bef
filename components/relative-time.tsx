import { formatAge, formatUtc } from './format-time';

/**
 * "3 min ago", with the exact UTC time on hover. Rendered on the server and again in the browser for client tables;
 * the two may differ by a minute at the boundary, which is harmless, hence suppressHydrationWarning.
 */
export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatUtc(iso)} suppressHydrationWarning>
      {formatAge(iso)}
    </time>
  );
}

/** An exact UTC time; `zone={false}` drops the " UTC" suffix where a column header already says so. */
export function UtcTime({ iso, zone = true }: { iso: string; zone?: boolean }) {
  return <time dateTime={iso}>{formatUtc(iso, { zone })}</time>;
}
