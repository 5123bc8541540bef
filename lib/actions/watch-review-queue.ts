import { Prisma } from '../generated/sqlite/client';
import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { prismaRunner } from '../db/sql-runner';
import { readSwitchesVersion } from '../kill-switches/read-switches-version';
import { logger } from '../logging/logger';
import { rereadAfterMs } from '../realtime/other-instances';
import { coalescedRunner, COALESCE_MS } from '../realtime/coalesced-runner';
import { nextSwitchChange } from '../realtime/switch-changes';
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
  /**
   * A switch was engaged or released: which waiting rows are frozen by a stop may have changed though no action did.
   * The client reads its rows again.
   */
  onSwitches: () => void;
  /**
   * Once, when the watcher has read the switches for the first time: a client reads its rows after this, so every
   * switch change after its read is heard (before it, a stop engaged and released between the client's read and the
   * watcher's first one would have gone unheard).
   */
  onReady: () => void;
};

/** Counts scan the pending actions: at most once a second, however fast changes come. */
const FACETS_GAP_MS = 1000;
/** Ids read in one query. */
const CHUNK = 500;
/** Without a way to hear switch changes (SQLite), the engaged switches are read again this often. */
const SWITCH_REREAD_MS = 1000;

/**
 * The live review queue of one reviewer, as deltas: after every change to any action (this instance or another on
 * the same database), the changed actions are read again under the reviewer's filters and sent as rows to upsert or
 * ids to remove (with who decided). Never the whole queue: the client holds its pages and applies the deltas.
 * Updates never overlap; changes during one are folded into the next. Returns the unsubscribe.
 */
export function watchReviewQueue(
  actor: Actor,
  query: Pick<QueueQuery, 'filter' | 'sort'>,
  watcher: QueueWatcher,
): () => void {
  assertCan(actor, 'actions.read');
  let closed = false;
  const reviewer = loadQueueReviewer(actor);
  let changed = new Set<string>();

  // Two loops that never wait for each other: a row reaches the reviewer without waiting for a count.
  const deltas = coalescedRunner('Reading changed rows for a live queue', COALESCE_MS, async () => {
    const ids = [...changed];
    changed = new Set();
    for (let start = 0; start < ids.length && !closed; start += CHUNK) {
      const delta = await readDelta(actor, await reviewer, query, ids.slice(start, start + CHUNK));
      if (!closed && (delta.upserted.length || delta.removed.length)) watcher.onDelta(delta);
    }
  });
  const facets = coalescedRunner('Counting the queue for a live queue', FACETS_GAP_MS, async () => {
    const counts = await countPendingFacets(actor, query.filter);
    if (!closed) watcher.onFacets(counts);
  });

  const unwatch = watchActionChanges((ids) => {
    for (const id of ids) changed.add(id);
    deltas.request();
    facets.request();
  });
  facets.request(0);
  const stopSwitches = watchEngagedSwitches(watcher.onSwitches, watcher.onReady);
  return () => {
    closed = true;
    deltas.stop();
    facets.stop();
    unwatch();
    stopSwitches();
  };
}

/**
 * Calls `onChange` whenever the set of engaged switches changes: heard at once on PostgreSQL (any instance's change),
 * else read again every second, as the stop banner does; `onReady` after the first read (done or failed). Reads only.
 * Returns the stop.
 */
function watchEngagedSwitches(onChange: () => void, onReady: () => void): () => void {
  const stopped = new AbortController();
  const version = () => readSwitchesVersion(prismaRunner(db()));
  void (async () => {
    let seen: string | null = null;
    let first = true;
    while (!stopped.signal.aborted) {
      // Waiting from before the read: a change committed between the read and the wait still ends it.
      const changed = nextSwitchChange(rereadAfterMs(SWITCH_REREAD_MS), stopped.signal);
      try {
        const now = await version();
        if (seen !== null && now !== seen && !stopped.signal.aborted) onChange();
        seen = now;
      } catch (error) {
        logger().warn({ err: error }, 'a live queue could not read the engaged switches; trying again');
      }
      if (first && !stopped.signal.aborted) onReady();
      first = false;
      await changed;
    }
  })();
  return () => stopped.abort();
}

async function readDelta(
  actor: Actor,
  reviewer: Awaited<ReturnType<typeof loadQueueReviewer>>,
  query: Pick<QueueQuery, 'filter' | 'sort'>,
  ids: string[],
): Promise<QueueDelta> {
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
