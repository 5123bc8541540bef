import type { z } from 'zod';
import type { AuditEventType } from './event-types';
import { actionPayloads } from './payloads/actions';
import { agentPayloads } from './payloads/agents';
import { auditAndOperationsPayloads } from './payloads/audit-and-operations';
import { incidentPayloads } from './payloads/incidents';
import { mcpPayloads } from './payloads/mcp';
import { notificationPayloads } from './payloads/notifications';
import { peoplePayloads } from './payloads/people';
import { switchPayloads } from './payloads/switches';
import { toolAndGrantPayloads } from './payloads/tools-and-grants';

/*
 * The shape of every audit event's payload: one zod schema per event type. Writers are typed from these
 * (`recordAuditEvent(s)` takes `z.input` of the type's schema) and the one reader (`read-audit-payload.ts`) parses with
 * them. Objects are strict: a key the schema does not name makes the row read as unparsed (shown raw), so nothing a row
 * recorded is ever dropped from what people see. The log is sealed, so a schema must keep reading what was written
 * before: a field added later is optional. Client-safe (zod only).
 * The schemas live by domain in lib/audit/payloads/; this file joins them and is where the union is checked complete.
 */

/**
 * Every event type's payload schema: a type without one fails tsc here (a domain's file refuses a type the union
 * lacks). Spread, a type in two domains' files would be silently overwritten: `_InTwoDomains` fails tsc instead.
 */
export const auditPayloadSchemas = {
  ...actionPayloads,
  ...agentPayloads,
  ...toolAndGrantPayloads,
  ...peoplePayloads,
  ...notificationPayloads,
  ...switchPayloads,
  ...incidentPayloads,
  ...mcpPayloads,
  ...auditAndOperationsPayloads,
} satisfies Record<AuditEventType, z.ZodType>;

type _InTwoDomains = Never<
  InTwoOf<
    [
      typeof actionPayloads,
      typeof agentPayloads,
      typeof toolAndGrantPayloads,
      typeof peoplePayloads,
      typeof notificationPayloads,
      typeof switchPayloads,
      typeof incidentPayloads,
      typeof mcpPayloads,
      typeof auditAndOperationsPayloads,
    ]
  >
>;
type Never<T extends never> = T;
type InTwoOf<G extends unknown[]> = G extends [infer H, ...infer R]
  ? (keyof H & KeysOfAny<R[number]>) | InTwoOf<R>
  : never;
type KeysOfAny<T> = T extends unknown ? keyof T : never;

type Schemas = typeof auditPayloadSchemas;

/** What a writer passes for an event of type T (checked by tsc; not parsed on write, see record-audit-event.ts). */
export type AuditPayloadInput<T extends AuditEventType> = z.input<Schemas[T]>;

/** What the reader returns for an event of type T once its payload parsed. */
export type AuditPayload<T extends AuditEventType> = z.output<Schemas[T]>;
