import { Prisma } from '../generated/sqlite/client';
import { assertCan, can, type Actor } from '../auth/actor';
import {
  decodeQueueCursor,
  encodeQueueCursor,
  QUEUE_PAGE_SIZE,
  type QueueQuery,
  type QueueSort,
} from '../review/queue-query';
import { filterPredicate, loadQueueReviewer, openPending } from './queue-sql';
import { readQueueRows, type PendingActionRow } from './read-queue-rows';

export type { PendingActionRow } from './read-queue-rows';

const sql = Prisma.sql;

const ORDER: Record<QueueSort, Prisma.Sql> = {
  newest: sql`a."id" DESC`,
  oldest: sql`a."id" ASC`,
  risk: sql`a."riskWeight" DESC, a."id" DESC`,
};

export type QueuePage = { rows: PendingActionRow[]; nextCursor: string | null; canDecide: boolean };

/**
 * One page of the review queue for one reviewer, filtered, ordered and paged by keyset in the database (ids are
 * time-ordered, so "newest" is the id index read backwards; "risk" reads the stored weight first). Reads only:
 * actions past their deadline are left out, and the background job expires them (lib/actions/expire-action.ts).
 */
export async function listPendingActions(actor: Actor, query: QueueQuery): Promise<QueuePage> {
  assertCan(actor, 'actions.read');
  const now = new Date();
  const limit = Math.min(Math.max(query.limit ?? QUEUE_PAGE_SIZE, 1), 200);
  const reviewer = await loadQueueReviewer(actor);
  const cursor = decodeQueueCursor(query.after, query.sort);
  const where = [openPending(now), filterPredicate(query.filter, reviewer, now)];
  if (cursor) where.push(afterCursor(query.sort, cursor));

  const rows = await readQueueRows(actor, reviewer, Prisma.join(where, ' AND '), ORDER[query.sort], limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeQueueCursor(query.sort === 'risk' ? { id: last.id, weight: last.riskWeight } : { id: last.id })
      : null;
  return { rows: page, nextCursor, canDecide: can(actor, 'actions.decide') };
}

function afterCursor(sort: QueueSort, cursor: { id: string; weight?: number }): Prisma.Sql {
  if (sort === 'oldest') return sql`a."id" > ${cursor.id}`;
  if (sort === 'newest') return sql`a."id" < ${cursor.id}`;
  return sql`(a."riskWeight" < ${cursor.weight} OR (a."riskWeight" = ${cursor.weight} AND a."id" < ${cursor.id}))`;
}
