import { decodeBoolean, decodeDate } from './decode-row';

/**
 * Reading values from the console's raw SQL rows (the queue, the stop's holdings), which are not typed from the schema.
 * Booleans and dates are read by the hot path's decoder (lib/db/decode-row.ts), so the rules live once: an
 * unreadable date reads as the epoch, i.e. "in the past" (fail closed).
 */
export const rawBool = decodeBoolean;

export function rawInt(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function rawText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function rawDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : decodeDate(value);
}
