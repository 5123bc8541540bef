import type { QueueFacets } from '../actions/count-pending-facets';
import type { PendingActionRow } from '../actions/read-queue-rows';
import type { QueueRemoval } from '../actions/watch-review-queue';
import { encodeQueueCursor, type QueueSort } from './queue-query';

/**
 * The open queue on the client: the rows loaded so far (pages, then live deltas), new rows held while the reviewer
 * points at or focuses the list, the counts, and the rows that just left (so a dialog or the selection can say who
 * decided). A pure reducer: the live stream and "show more" dispatch, React renders.
 */
export type QueueState = {
  sort: QueueSort;
  rows: PendingActionRow[];
  /** New rows not shown yet: the reviewer is pointing at or focusing the list ("Show N new proposals"). */
  held: PendingActionRow[];
  /** Where the loaded pages end; null when everything matching is loaded. */
  nextCursor: string | null;
  facets: QueueFacets;
  /** Rows that left since the page opened, by id: who decided, for the dialog and the selection. */
  gone: Record<string, QueueRemoval>;
};

export type QueueEvent =
  | { type: 'delta'; upserted: PendingActionRow[]; removed: QueueRemoval[]; hold: boolean }
  | { type: 'facets'; facets: QueueFacets }
  | { type: 'more'; rows: PendingActionRow[]; nextCursor: string | null }
  | { type: 'resync'; rows: PendingActionRow[]; nextCursor: string | null; hold: boolean }
  | { type: 'release' };

export function initialQueueState(
  sort: QueueSort,
  rows: PendingActionRow[],
  nextCursor: string | null,
  facets: QueueFacets,
): QueueState {
  return { sort, rows, held: [], nextCursor, facets, gone: {} };
}

/** Negative when `a` comes first in the queue's order. */
export function compareRows(
  sort: QueueSort,
  a: Pick<PendingActionRow, 'id' | 'riskWeight'>,
  b: Pick<PendingActionRow, 'id' | 'riskWeight'>,
): number {
  const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  if (sort === 'oldest') return byId;
  if (sort === 'risk' && a.riskWeight !== b.riskWeight) return b.riskWeight - a.riskWeight;
  return -byId;
}

export function queueReducer(state: QueueState, event: QueueEvent): QueueState {
  switch (event.type) {
    case 'delta':
      return applyDelta(state, event.upserted, event.removed, event.hold);
    case 'facets':
      return { ...state, facets: event.facets };
    case 'more': {
      const known = new Set([...state.rows, ...state.held].map((row) => row.id));
      return {
        ...state,
        rows: [...state.rows, ...event.rows.filter((row) => !known.has(row.id))],
        nextCursor: event.nextCursor,
      };
    }
    case 'resync':
      return resync(state, event.rows, event.nextCursor, event.hold);
    case 'release':
      return state.held.length ? { ...state, rows: insertSorted(state.sort, state.rows, state.held), held: [] } : state;
  }
}

function applyDelta(
  state: QueueState,
  upserted: PendingActionRow[],
  removed: QueueRemoval[],
  hold: boolean,
): QueueState {
  const removedIds = new Set(removed.map((entry) => entry.id));
  const gone = { ...state.gone };
  for (const entry of removed)
    if (state.rows.some((row) => row.id === entry.id) || state.held.some((row) => row.id === entry.id))
      gone[entry.id] = entry;

  const changed = new Map(upserted.map((row) => [row.id, row]));
  // Rows already shown change in place: nothing under the reviewer's pointer moves.
  let rows = state.rows.filter((row) => !removedIds.has(row.id)).map((row) => changed.get(row.id) ?? row);
  let held = state.held.filter((row) => !removedIds.has(row.id)).map((row) => changed.get(row.id) ?? row);
  const known = new Set([...rows, ...held].map((row) => row.id));
  const arrivals = upserted.filter((row) => !known.has(row.id) && belongsInLoadedRange(state, row));
  if (hold) held = insertSorted(state.sort, held, arrivals);
  else rows = insertSorted(state.sort, rows, arrivals);
  if (!hold && held.length) {
    rows = insertSorted(state.sort, rows, held);
    held = [];
  }
  return { ...state, rows, held, gone };
}

/** A new row past the last loaded one waits for "Show more", where the database will return it in its place. */
function belongsInLoadedRange(state: QueueState, row: PendingActionRow): boolean {
  const last = state.rows.at(-1);
  return state.nextCursor === null || !last || compareRows(state.sort, row, last) < 0;
}

function insertSorted(sort: QueueSort, rows: PendingActionRow[], arrivals: PendingActionRow[]): PendingActionRow[] {
  if (arrivals.length === 0) return rows;
  const next = [...rows];
  for (const row of arrivals) {
    const at = next.findIndex((existing) => compareRows(sort, row, existing) < 0);
    next.splice(at === -1 ? next.length : at, 0, row);
  }
  return next;
}

/**
 * The first page read again (on connecting, so nothing between the page's render and the stream is missed):
 * within the range it covers, rows it lacks have left and rows it has are current; rows beyond it stay as loaded.
 */
function resync(state: QueueState, fresh: PendingActionRow[], nextCursor: string | null, hold: boolean): QueueState {
  const freshIds = new Set(fresh.map((row) => row.id));
  const last = fresh.at(-1);
  const covered = (row: PendingActionRow) =>
    nextCursor === null || (last !== undefined && compareRows(state.sort, row, last) <= 0);
  const left = [...state.rows, ...state.held].filter((row) => covered(row) && !freshIds.has(row.id));
  const removed = left.map((row) => ({ id: row.id, status: 'left', decidedBy: null }));
  const next = applyDelta(state, fresh, removed, hold);
  for (const row of left) delete next.gone[row.id];
  const lastLoaded = next.rows.at(-1);
  if (nextCursor === null || !lastLoaded) return { ...next, nextCursor: null };
  return {
    ...next,
    nextCursor: encodeQueueCursor(
      state.sort === 'risk' ? { id: lastLoaded.id, weight: lastLoaded.riskWeight } : { id: lastLoaded.id },
    ),
  };
}
