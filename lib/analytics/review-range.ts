import { z } from 'zod';

/** The analytics period: UTC days, `from` at 00:00 inclusive to `to` exclusive, plus the fast-decision threshold. */
export type ReviewRange = { from: Date; to: Date; fastSeconds: number };

export const DEFAULT_RANGE_DAYS = 30;
export const DEFAULT_FAST_SECONDS = 5;
// A year of daily bars is still readable; more would make the page slow and the chart a smear.
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const threshold = z.coerce.number().int().min(1).max(3600);

export type RangeQuery = Record<string, string | string[] | undefined>;
export type RangeForm = { from: string; to: string; threshold: string };

/**
 * The page's ?from=YYYY-MM-DD&to=YYYY-MM-DD&threshold=N → the range to read, the values to show in the form, and
 * problems to tell the person. Bad input falls back to the default (the last 30 days, 5 s) rather than failing.
 */
export function parseReviewRange(
  query: RangeQuery,
  now: Date = new Date(),
): { range: ReviewRange; form: RangeForm; problems: string[] } {
  const single = (name: string) => {
    const value = query[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const problems: string[] = [];
  const day = (name: 'from' | 'to', label: string): number | undefined => {
    const raw = single(name);
    if (raw === undefined) return undefined;
    const time = dateOnly.safeParse(raw).success ? Date.parse(`${raw}T00:00:00Z`) : NaN;
    // Date.parse accepts 2026-02-31 as March 3rd; a real date prints back as itself.
    if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== raw) {
      problems.push(`${label} is not a date (use YYYY-MM-DD).`);
      return undefined;
    }
    return time;
  };

  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const last = day('to', 'To') ?? today;
  let first = day('from', 'From') ?? last - (DEFAULT_RANGE_DAYS - 1) * DAY_MS;
  if (first > last) {
    problems.push('From is after To; showing the 30 days up to To instead.');
    first = last - (DEFAULT_RANGE_DAYS - 1) * DAY_MS;
  }
  if (last - first >= MAX_RANGE_DAYS * DAY_MS) {
    problems.push(`The range is longer than ${MAX_RANGE_DAYS} days; showing the ${MAX_RANGE_DAYS} days up to To.`);
    first = last - (MAX_RANGE_DAYS - 1) * DAY_MS;
  }

  const rawThreshold = single('threshold');
  const parsedThreshold = threshold.safeParse(rawThreshold ?? DEFAULT_FAST_SECONDS);
  if (!parsedThreshold.success)
    problems.push('The fast decision threshold must be a whole number of seconds from 1 to 3600.');
  const fastSeconds = parsedThreshold.success ? parsedThreshold.data : DEFAULT_FAST_SECONDS;

  const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
  return {
    range: { from: new Date(first), to: new Date(last + DAY_MS), fastSeconds },
    form: { from: iso(first), to: iso(last), threshold: String(fastSeconds) },
    problems,
  };
}
