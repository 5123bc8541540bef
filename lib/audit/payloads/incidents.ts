import { z } from 'zod';
import type { AuditEventType } from '../event-types';
import { text, nullableText, texts } from './fields';

/** What every return_to_normal event names: its request and what it returns to normal. */
const returnToNormalTarget = {
  requestId: text,
  incidentId: nullableText,
  switchId: nullableText,
  target: text,
  reason: text,
};

/** Incidents and the return to normal that ends their containment (lib/incidents/, lib/return-to-normal/). */
export const incidentPayloads = {
  // Incidents (lib/incidents): opened with its containment (switches engaged, agents paused, keys revoked, each also
  // audited on its own), notes, the manual fallback, closed with its resolution. `title`/`summary` read well in
  // oversight notifications; a note's body is for the audit log, not for channels.
  'incident.opened': z.strictObject({
    incidentId: text,
    title: text,
    severity: text,
    allAgents: z.boolean(),
    agents: texts,
    windowStart: text,
    containment: texts,
    switchIds: texts,
    pausedAgents: texts,
    revokedKeys: z.number(),
  }),
  'incident.closed': z.strictObject({ incidentId: text, title: text, summary: text, windowEnd: text }),
  'incident.note_added': z.strictObject({ incidentId: text, title: text, noteId: text, body: text }),
  'incident.fallback_set': z.strictObject({ incidentId: text, title: text, before: text, after: text }),
  // The return to normal (lib/return-to-normal/): a request names its target (an incident, or the global stop) and
  // waits for ANOTHER admin before it expires; approving releases the target's switches and resumes the agents the
  // incident paused, in the approval's transaction. singleAdmin: the only active admin released alone, password again.
  'return_to_normal.requested': z.strictObject({ ...returnToNormalTarget, expiresAt: text }),
  'return_to_normal.approved': z.strictObject({
    ...returnToNormalTarget,
    requestedBy: nullableText,
    note: nullableText,
    releasedSwitches: texts,
    resumedAgents: texts,
    stillPaused: texts,
  }),
  'return_to_normal.rejected': z.strictObject({ ...returnToNormalTarget, note: nullableText }),
  'return_to_normal.cancelled': z.strictObject(returnToNormalTarget),
  'return_to_normal.single_admin_released': z.strictObject({
    ...returnToNormalTarget,
    singleAdmin: z.literal(true),
    releasedSwitches: texts,
    resumedAgents: texts,
    stillPaused: texts,
  }),
  // Incident workbench (lib/incidents/mark-incident-actions.ts): a responder's mark on one action, and the mark it replaced.
  'incident.marked': z.strictObject({ incidentId: text, mark: text, note: text, previous: nullableText }),
} satisfies Partial<Record<AuditEventType, z.ZodType>>;
