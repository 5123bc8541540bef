import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { toAuditEventViews } from './audit-event-view';

export const AUDIT_PAGE_SIZE = 50;

export type AuditEventFilter = {
  agentId?: string;
  actionId?: string;
  /** Inclusive bounds on the event time. */
  from?: Date;
  to?: Date;
  /** Cursors by sequence number: `before` pages to older events, `after` to newer ones. */
  before?: number;
  after?: number;
};

/**
 * The audit log, newest first, one page of 50 at a time. Paging is by sequence number rather than offset, so a page
 * stays put while new events arrive. Also returns the agents, for the filter menu.
 */
export async function listAuditEvents(actor: Actor, filter: AuditEventFilter = {}) {
  assertCan(actor, 'audit.read');
  const where = {
    ...(filter.agentId ? { agentId: filter.agentId } : {}),
    ...(filter.actionId ? { actionId: filter.actionId } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
  };
  const goingNewer = filter.after !== undefined;
  const rows = await db().auditEvent.findMany({
    where: {
      ...where,
      ...(goingNewer ? { seq: { gt: filter.after } } : filter.before !== undefined ? { seq: { lt: filter.before } } : {}),
    },
    orderBy: { seq: goingNewer ? 'asc' : 'desc' },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  if (goingNewer) page.reverse();

  const newest = page[0]?.seq;
  const oldest = page.at(-1)?.seq;
  const [hasNewer, hasOlder] = newest === undefined || oldest === undefined
    ? [false, false]
    : await Promise.all([
        goingNewer ? hasMore : exists({ ...where, seq: { gt: newest } }),
        goingNewer ? exists({ ...where, seq: { lt: oldest } }) : hasMore,
      ]);

  const [events, agents] = await Promise.all([
    toAuditEventViews(db(), page),
    db().agent.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  return {
    events,
    agents,
    olderCursor: hasOlder ? oldest! : null,
    newerCursor: hasNewer ? newest! : null,
  };
}

async function exists(where: object): Promise<boolean> {
  return (await db().auditEvent.findFirst({ where, select: { seq: true } })) !== null;
}
