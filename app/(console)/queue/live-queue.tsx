'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import type { QueueFacets } from '@/lib/actions/count-pending-facets';
import type { PendingActionRow } from '@/lib/actions/read-queue-rows';
import type { QueueDelta } from '@/lib/actions/watch-review-queue';
import { queueSearchParams, type QueueQuery } from '@/lib/review/queue-query';
import { initialQueueState, queueReducer, type QueueState } from '@/lib/review/queue-state';

type Connection = 'connecting' | 'live' | 'reconnecting';
type LiveQueueContext = {
  state: QueueState;
  query: Pick<QueueQuery, 'filter' | 'sort'>;
  canDecide: boolean;
  connection: Connection;
  /** Show the held new rows now. */
  release: () => void;
  loadMore: () => Promise<void>;
  loadingMore: boolean;
  /** The server's clock when it rendered the page: the first render of ages, so hydration matches (age-cell.tsx). */
  renderedAt: number;
  /** Props for the list's container: while the pointer or focus is on it, new rows are held instead of shown. */
  engagementProps: {
    ref: React.RefObject<HTMLDivElement | null>;
    onPointerEnter: (event: React.PointerEvent) => void;
    onPointerLeave: () => void;
    onBlur: (event: React.FocusEvent) => void;
  };
};

const Context = createContext<LiveQueueContext | null>(null);

export function useLiveQueue(): LiveQueueContext {
  const context = useContext(Context);
  if (!context) throw new Error('useLiveQueue is used inside LiveQueueProvider.');
  return context;
}

type Props = {
  query: Pick<QueueQuery, 'filter' | 'sort'>;
  rows: PendingActionRow[];
  nextCursor: string | null;
  facets: QueueFacets;
  canDecide: boolean;
  renderedAt: number;
  children: React.ReactNode;
};

/**
 * The open queue, kept current by deltas: /queue/live streams the rows that changed (added, changed, gone, with who
 * decided) and the counts; this applies them to the rows it holds. Nothing re-renders the page from the server, so
 * a row under the reviewer's pointer never moves or remounts: while the pointer (a mouse or pen, not a finger) or
 * the keyboard focus is on the list, new rows wait behind "Show N new proposals"; they join when it leaves.
 * Keyed by the query: changing a filter or the order starts afresh from the server's first page.
 */
export function LiveQueueProvider({ query, rows, nextCursor, facets, canDecide, renderedAt, children }: Props) {
  const [state, dispatch] = useReducer(queueReducer, undefined, () =>
    initialQueueState(query.sort, rows, nextCursor, facets),
  );
  const [connection, setConnection] = useState<Connection>('connecting');
  const [loadingMore, setLoadingMore] = useState(false);
  const pointer = useRef(false);
  const list = useRef<HTMLDivElement | null>(null);
  // Focus is read from the document, not tracked: a focused element that is removed (the "Show N new" button after
  // its click) fires no blur.
  const engaged = () => pointer.current || Boolean(list.current?.contains(document.activeElement));
  const search = queueSearchParams(query).toString();

  useEffect(() => {
    const source = new EventSource(`/queue/live${search ? `?${search}` : ''}`);
    let closed = false;
    const resync = () =>
      void fetchPage(search).then((page) => {
        if (!closed && page)
          dispatch({ type: 'resync', rows: page.rows, nextCursor: page.nextCursor, hold: engaged() });
      });
    source.addEventListener('ready', () => {
      setConnection('live');
      // Catch up on what changed between the page's render (or the last connection) and now.
      resync();
    });
    // A stop engaged or released: which rows it freezes is read again (no action changed, so no delta says it).
    source.addEventListener('switches', resync);
    source.addEventListener('delta', (event) => {
      const delta = JSON.parse((event as MessageEvent<string>).data) as QueueDelta;
      dispatch({ type: 'delta', upserted: delta.upserted, removed: delta.removed, hold: engaged() });
    });
    source.addEventListener('facets', (event) =>
      dispatch({ type: 'facets', facets: JSON.parse((event as MessageEvent<string>).data) as QueueFacets }),
    );
    source.addEventListener('error', () =>
      setConnection((now) => (now === 'connecting' ? 'connecting' : 'reconnecting')),
    );
    return () => {
      closed = true;
      source.close();
    };
  }, [search]);

  const release = useCallback(() => dispatch({ type: 'release' }), []);
  const releaseWhenIdle = useCallback((focusGoesTo?: Element | null) => {
    const focused = focusGoesTo === undefined ? document.activeElement : focusGoesTo;
    if (!pointer.current && !list.current?.contains(focused)) dispatch({ type: 'release' });
  }, []);
  const engagementProps = useMemo(
    () => ({
      ref: list,
      onPointerEnter: (event: React.PointerEvent) => {
        // A finger has no hover: a tap is over before anything could move under it.
        if (event.pointerType !== 'touch') pointer.current = true;
      },
      onPointerLeave: () => {
        pointer.current = false;
        releaseWhenIdle();
      },
      onBlur: (event: React.FocusEvent) => releaseWhenIdle(event.relatedTarget as Element | null),
    }),
    [releaseWhenIdle],
  );

  const cursor = state.nextCursor;
  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await fetchPage(queueSearchParams({ ...query, after: cursor }).toString());
      if (page) dispatch({ type: 'more', rows: page.rows, nextCursor: page.nextCursor });
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, query]);

  const value = useMemo(
    () => ({ state, query, canDecide, connection, release, loadMore, loadingMore, renderedAt, engagementProps }),
    [state, query, canDecide, connection, release, loadMore, loadingMore, renderedAt, engagementProps],
  );
  return <Context value={value}>{children}</Context>;
}

async function fetchPage(search: string): Promise<{ rows: PendingActionRow[]; nextCursor: string | null } | null> {
  const response = await fetch(`/queue/rows${search ? `?${search}` : ''}`, { cache: 'no-store' });
  return response.ok ? ((await response.json()) as { rows: PendingActionRow[]; nextCursor: string | null }) : null;
}

/** Whether the live connection is up. */
export function LiveStatus() {
  const { connection } = useLiveQueue();
  return (
    <p
      role="status"
      className="flex items-center gap-2 text-sm"
      title={connection === 'live' ? 'New proposals and decisions appear without reloading' : undefined}
    >
      <span
        aria-hidden
        className={cn(
          'size-2.5 rounded-full',
          connection === 'live'
            ? 'bg-emerald-500 shadow-[0_0_0_3px_var(--color-emerald-100)]'
            : connection === 'reconnecting'
              ? 'bg-amber-500'
              : 'bg-gray-300',
        )}
      />
      {connection === 'live' ? (
        <span className="font-medium text-emerald-800">Live</span>
      ) : connection === 'reconnecting' ? (
        <span className="text-amber-900">Reconnecting… the list may be out of date</span>
      ) : (
        <span className="text-gray-600">Connecting…</span>
      )}
    </p>
  );
}

/** "12 pending · 3 waiting for you", from the live counts. */
export function QueueCountLine({ filtered }: { filtered: boolean }) {
  const { state, canDecide } = useLiveQueue();
  const { facets } = state;
  return (
    <span className="whitespace-nowrap font-medium text-gray-800" data-testid="queue-count">
      {filtered ? `${count(facets.matching)} of ${count(facets.total)} pending` : `${count(facets.total)} pending`}
      {canDecide ? ` · ${count(facets.waitingForMe)} waiting for you` : null}
    </span>
  );
}

/** 100,140 rather than 100140: counts at scale are read at a glance. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
