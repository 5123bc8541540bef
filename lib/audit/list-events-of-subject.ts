import { db } from '../db/client';
import { toAuditEventViews, type AuditEventView } from './audit-event-view';
import type { AuditEventType } from './event-types';

const MAX_EVENTS = 100;

/**
 * The audit events of some types whose payload names one subject (a tool's `name`, a grant's `tool`), newest first.
 * Payloads are JSON text, so rows are narrowed by a substring and then checked exactly after parsing.
 * Callers check permissions.
 */
export async function listEventsOfSubject(input: {
  types: AuditEventType[];
  key: 'name' | 'tool';
  value: string;
  agentId?: string;
}): Promise<AuditEventView[]> {
  const rows = await db().auditEvent.findMany({
    where: {
      type: { in: input.types },
      payload: { contains: `"${input.key}":${JSON.stringify(input.value)}` },
      ...(input.agentId ? { agentId: input.agentId } : {}),
    },
    orderBy: { seq: 'desc' },
    take: MAX_EVENTS,
  });
  const views = await toAuditEventViews(db(), rows);
  // A payload that did not parse is kept when its text names the subject: shown raw and flagged, never hidden.
  return views.filter((view) => fieldOf(view.payload, input.key) === input.value);
}

function fieldOf(payload: unknown, key: string): unknown {
  return payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>)[key] : undefined;
}
