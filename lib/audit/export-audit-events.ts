import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { summarizeAuditActions } from './action-summaries';
import { auditEventWhere, type AuditEventFilter } from './audit-event-filter';
import { toAuditEventViews } from './audit-event-view';
import type { AuditLogRow } from './list-audit-events';
import { recordAuditEvent } from './record-audit-event';

export type AuditExportFormat = 'csv' | 'jsonl';

const EXPORT_PAGE_SIZE = 500;

/**
 * A filtered view of the log for download: the export is recorded first (taking evidence away is itself evidence),
 * then the events stream newest first in keyset pages of 500, so memory stays flat however many match. Rows carry
 * what the page shows this person: action summaries with sensitive fields masked unless they may read them.
 */
export async function exportAuditEvents(
  actor: Actor,
  filter: AuditEventFilter,
  format: AuditExportFormat,
): Promise<AsyncIterable<AuditLogRow[]>> {
  assertCan(actor, 'audit.read');
  await db().$transaction((tx) =>
    recordAuditEvent(tx, { actor, type: 'audit.exported', payload: { format, filter: describeFilter(filter) } }),
  );
  const where = auditEventWhere(filter);
  return {
    async *[Symbol.asyncIterator]() {
      let before: number | undefined;
      for (;;) {
        const rows = await db().auditEvent.findMany({
          where: before === undefined ? where : { AND: [where, { seq: { lt: before } }] },
          orderBy: { seq: 'desc' },
          take: EXPORT_PAGE_SIZE,
        });
        if (rows.length === 0) return;
        const [events, actions] = await Promise.all([
          toAuditEventViews(db(), rows),
          summarizeAuditActions(
            actor,
            rows.flatMap((row) => (row.actionId ? [row.actionId] : [])),
          ),
        ]);
        yield events.map((event) => ({
          ...event,
          action: event.actionId ? (actions.get(event.actionId) ?? null) : null,
        }));
        if (rows.length < EXPORT_PAGE_SIZE) return;
        before = rows.at(-1)!.seq;
      }
    },
  };
}

/** The filter as plain text for the audit payload (dates as ISO UTC); unset fields left out. */
function describeFilter(filter: AuditEventFilter): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filter)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : String(value)]),
  );
}
