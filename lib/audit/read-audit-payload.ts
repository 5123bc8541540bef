import { auditPayloadSchemas, type AuditPayload } from './event-payloads';
import type { AuditEventType } from './event-types';

/** A payload that parsed with its type's schema: narrow on `type` to read its fields. */
export type ParsedAuditPayload<T extends AuditEventType = AuditEventType> = {
  [K in T]: { type: K; payload: AuditPayload<K>; unparsed: false };
}[T];

/**
 * A payload that does not parse (an older shape, an unknown type, not JSON). The log is sealed, so such a row is never
 * rewritten: it is shown as recorded (`raw`), flagged, with what did not fit (`problem`, field paths and expected
 * kinds only, never values). `payload` is the JSON value when the text is JSON, else the text.
 */
export type UnparsedAuditPayload = { type: string; payload: unknown; unparsed: true; raw: string; problem: string };

export type ReadAuditPayload<T extends AuditEventType = AuditEventType> = ParsedAuditPayload<T> | UnparsedAuditPayload;

/**
 * The one reader of audit payloads: every page, export, bundle, notification and rule that looks inside a recorded
 * payload reads it here, parsed by its type's schema (`event-payloads.ts`). It never throws and adds nothing: values
 * are as written (already masked at write), so it cannot reveal what the writer hid.
 */
export function readAuditPayload<T extends AuditEventType>(type: T, json: string): ReadAuditPayload<T>;
export function readAuditPayload(type: string, json: string): ReadAuditPayload;
export function readAuditPayload(type: string, json: string): ReadAuditPayload {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return unparsed(type, json, json, 'the payload is not JSON');
  }
  if (!isAuditEventType(type)) return unparsed(type, value, json, `no schema for the event type "${type}"`);
  const result = auditPayloadSchemas[type].safeParse(value);
  if (!result.success) {
    const problem = result.error.issues
      .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    return unparsed(type, value, json, problem);
  }
  // The value as recorded, not zod's copy: the schemas transform nothing, and the copy would reorder keys to the
  // schema's order, while people and bundles see a payload as it was written.
  return { type, payload: value, unparsed: false } as ParsedAuditPayload;
}

/** The payload's fields for code that treats every event alike (a summary line); none when it did not parse. */
export function payloadFields(read: ReadAuditPayload): Record<string, unknown> {
  return read.unparsed ? {} : read.payload;
}

/** For a file people keep (an export, an evidence bundle): the payload as recorded, flagged when it did not parse. */
export function recordedPayload(read: ReadAuditPayload): { payload: unknown; unparsed?: true; problem?: string } {
  return read.unparsed ? { payload: read.payload, unparsed: true, problem: read.problem } : { payload: read.payload };
}

export function isAuditEventType(type: string): type is AuditEventType {
  return Object.hasOwn(auditPayloadSchemas, type);
}

function unparsed(type: string, payload: unknown, raw: string, problem: string): UnparsedAuditPayload {
  return { type, payload, unparsed: true, raw, problem };
}
