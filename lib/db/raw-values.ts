/**
 * Reading values from raw SQL rows. SQLite hands back booleans as 0/1 (or bigint) and dates as text; PostgreSQL as
 * booleans and Dates. An unreadable date reads as the epoch, i.e. "in the past": an expiry or revocation Warden
 * cannot read must not mean "never" (fail closed).
 */
export function rawBool(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === '1' || value === 'true';
}

export function rawInt(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function rawText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function rawDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const parsed =
    value instanceof Date
      ? value
      : new Date(typeof value === 'number' || typeof value === 'bigint' ? Number(value) : String(value));
  return Number.isNaN(parsed.getTime()) ? new Date(0) : parsed;
}
