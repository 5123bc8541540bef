/** Deterministic formatting for decision reasons (no locale of the machine leaks in). */
const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export function formatNumber(value: number): string {
  return numbers.format(value);
}

/** "2026-11-20" for a date at midnight UTC, "2026-11-20 14:05 UTC" otherwise. */
export function formatInstant(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "1 call", "3 calls". */
export function plural(count: number, noun: string): string {
  return `${formatNumber(count)} ${noun}${count === 1 ? '' : 's'}`;
}

export function formatWindow(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
