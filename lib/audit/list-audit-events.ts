import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { summarizeAuditActions, type AuditActionSummary } from './action-summaries';
import { auditEventWhere, type AuditEventFilter } from './audit-event-filter';
import { toAuditEventViews, type AuditEventView } from './audit-event-view';

export const AUDIT_PAGE_SIZE = 50;
export type { AuditEventFilter } from './audit-event-filter';

export type AuditPageCursor = {
  /** Cursors by sequence number: `before` pages to older events, `after` to newer ones. */
  before?: number;
  after?: number;
};

export type AuditLogRow = AuditEventView & { action: AuditActionSummary | null };

/**
 * The audit log, newest first, one page of 50 at a time, with the total the filters match. Paging is by sequence
 * number rather than offset, so a page stays put while new events arrive and a deep page costs what the first does.
 * Also returns what the filter menus offer (agents, people, tools).
 */
export async function listAuditEvents(actor: Actor, filter: AuditEventFilter & AuditPageCursor = {}) {
  assertCan(actor, 'audit.read');
  const where = auditEventWhere(filter);
  const goingNewer = filter.after !== undefined;
  const [rows, total] = await Promise.all([
    db().auditEvent.findMany({
      where: {
        AND: [
          where,
          goingNewer
            ? { seq: { gt: filter.after } }
            : filter.before !== undefined
              ? { seq: { lt: filter.before } }
              : {},
        ],
      },
      orderBy: { seq: goingNewer ? 'asc' : 'desc' },
      take: AUDIT_PAGE_SIZE + 1,
    }),
    db().auditEvent.count({ where }),
  ]);
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  if (goingNewer) page.reverse();

  const newest = page[0]?.seq;
  const oldest = page.at(-1)?.seq;
  const [hasNewer, hasOlder] =
    newest === undefined || oldest === undefined
      ? [false, false]
      : await Promise.all([
          goingNewer ? hasMore : exists({ AND: [where, { seq: { gt: newest } }] }),
          goingNewer ? exists({ AND: [where, { seq: { lt: oldest } }] }) : hasMore,
        ]);

  const [events, actions, agents, users, tools] = await Promise.all([
    toAuditEventViews(db(), page),
    summarizeAuditActions(
      actor,
      page.flatMap((row) => (row.actionId ? [row.actionId] : [])),
    ),
    db().agent.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db().user.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db().tool.findMany({ select: { name: true }, orderBy: { name: 'asc' } }),
  ]);
  return {
    events: events.map((event): AuditLogRow => ({
      ...event,
      action: event.actionId ? (actions.get(event.actionId) ?? null) : null,
    })),
    total,
    agents,
    users,
    tools: tools.map((tool) => tool.name),
    olderCursor: hasOlder ? oldest! : null,
    newerCursor: hasNewer ? newest! : null,
  };
}

async function exists(where: object): Promise<boolean> {
  return (await db().auditEvent.findFirst({ where, select: { seq: true } })) !== null;
}
