import { z } from 'zod';

/*
 * The field shapes every domain's payload schemas are built from (lib/audit/payloads/*), so that a text, a list of
 * texts or a recorded snapshot reads the same in every event. Client-safe (zod only).
 */

export const text = z.string();
export const nullableText = z.string().nullable();
export const texts = z.array(z.string());
export const none = z.strictObject({});
/** Grant rules, tool settings and the like, recorded as they were (their own shapes change over time). */
export const snapshot = z.unknown();
export const fields = z.record(z.string(), z.unknown());
