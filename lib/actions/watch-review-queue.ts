import { Prisma } from '../generated/sqlite/client';
import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { watchActionChanges } from '../realtime/watch-action-changes';
import type { QueueQuery } from '../review/queue-query';
import { countPendingFacets, type QueueFacets } from './count-pending-facets';
import { filterPredicate, loadQueueReviewer, openPending } from './queue-sql';
import { readQueueRows, type PendingActionRow } from './read-queue-rows';

const sql = Prisma.sql;

/** A row that left this reviewer's view: decided (by whom), expired, or no longer matching the filters. */
export type QueueRemoval = { id: string; status: string; decidedBy: string | null };
export type QueueDelta = { upserted: PendingActionRow[]; removed: QueueRemoval[] };

export type QueueWatcher = {
  /** Rows added, changed or gone, for the actions that changed. */
  onDelta: (delta: QueueDelta) => void;
  /** The counts, on start and then at most once a `FACETS_GAP_MS` after changes. */
  onFacets: (facets: QueueFacets) => void;
};

/** Changes arriving this close together (a batch decision, a burst of proposals) make one delta. */
const COALESCE_MS = 100;
/** Counts scan the pending actions: at most once a second, however fast changes come. */
const FACETS_GAP_MS = 1000;
/** Ids read in one query. */
const CHUNK = 500;

/**
 * The live review queue of one reviewer, as deltas: after every change to any action (this instance or another on
 * the same database), the changed actions are read again under the reviewer's filters and sent as rows to upsert or
 * ids to remove (with who decided). Never the whole queue: the client holds its pages and applies the deltas.
 * Updates never overlap; changes during one are folded into the next. Returns the unsubscribe.
 */
export function watchReviewQueue(actor: Actor, query: Pick<QueueQuery, 'filter' | 'sort'>, watcher: QueueWatcher): () => void {
  assertCan(actor, 'actions.read');
  let closed = false;
  let running = false;
  let pendingIds = new Set<string>();
  let facetsDue = true;
  let lastFacets = 0;
  let timer: NodeJS.Timeout | undefined;
  const reviewer = loadQueueReviewer(actor);

  async function update() {
    running = true;
    const ids = [...pendingIds];
    pendingIds = new Set();
    try {
      for (let start = 0; start < ids.length && !closed; start += CHUNK) {
        const delta = await readDelta(actor, await reviewer, query, ids.slice(start, start + CHUNK));
        if (!closed && (delta.upserted.length || delta.removed.length)) watcher.onDelta(delta);
      }
      if (facetsDue && Date.now() - lastFacets >= FACETS_GAP_MS && !closed) {
        facetsDue = false;
        lastFacets = Date.now();
        const facets = await countPendingFacets(actor, query.filter);
        if (!closed) watcher.onFacets(facets);
      }
    } catch (error) {
      console.error('Reading the review queue for a live update failed', error);
    } finally {
      running = false;
      if (!closed && (pendingIds.size > 0 || facetsDue)) schedule(facetsDue && pendingIds.size === 0 ? lastFacets + FACETS_GAP_MS - Date.now() : COALESCE_MS);
    }
  }
  function schedule(wait = COALESCE_MS) {
    if (timer || closed || running) return;
    timer = setTimeout(() => {
      timer = undefined;
      void update();
    }, Math.max(wait, 0));
  }

  const unwatch = watchActionChanges((changed) => {
    for (const id of changed) pendingIds.add(id);
    facetsDue = true;
    schedule();
  });
  schedule(0);
  return () => {
    closed = true;
    clearTimeout(timer);
    unwatch();
  };
}

async function readDelta(actor: Actor, reviewer: Awaited<ReturnType<typeof loadQueueReviewer>>, query: Pick<QueueQuery, 'filter' | 'sort'>, ids: string[]): Promise<QueueDelta> {
  if (ids.length === 0) return { upserted: [], removed: [] };
  const now = new Date();
  const where = sql`a."id" IN (${Prisma.join(ids)}) AND ${openPending(now)} AND ${filterPredicate(query.filter, reviewer, now)}`;
  const upserted = await readQueueRows(actor, reviewer, where, sql`a."id" DESC`, ids.length);
  const shown = new Set(upserted.map((row) => row.id));
  const others = ids.filter((id) => !shown.has(id));
  if (others.length === 0) return { upserted, removed: [] };
  // Only actions that were ever pending (they alone have a deadline) can be in a queue to leave.
  const gone = await db().$queryRaw<{ id: string; status: string; decidedBy: string | null }[]>(sql`
    SELECT a."id", a."status", u."name" AS "decidedBy" FROM "Action" a LEFT JOIN "User" u ON u."id" = a."reviewerId"
    WHERE a."id" IN (${Prisma.join(others)}) AND a."expiresAt" IS NOT NULL`);
  return {
    upserted,
    // A row still pending here is past its deadline (the job expires it) or no longer matches the filters.
    removed: gone.map((row) => ({ id: row.id, status: row.status, decidedBy: row.decidedBy })),
  };
}
