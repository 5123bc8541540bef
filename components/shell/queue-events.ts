'use client';

import { useSyncExternalStore } from 'react';

/**
 * One EventSource per browser tab on /queue/events, shared by whoever needs it (the nav's pending count, the live
 * queue), opened while at least one of them is mounted. The browser reconnects by itself after a network error; when
 * it gives up (the server refused, e.g. the session ended) this reconnects after a pause.
 */
export type QueueEventsState = {
  connected: boolean;
  /** Connected at least once since the page opened: "Connecting…" before, "Reconnecting…" after. */
  everConnected: boolean;
  /** Pending actions, as of the last event; null before the first. */
  pending: number | null;
  /** Counts changes the page has not seen yet: every event except the first one of the first connection. */
  changes: number;
};

const RETRY_AFTER_REFUSAL_MS = 5000;
let state: QueueEventsState = { connected: false, everConnected: false, pending: null, changes: 0 };
const listeners = new Set<() => void>();
let source: EventSource | null = null;
let retry: ReturnType<typeof setTimeout> | undefined;
let firstEventSeen = false;

function set(next: Partial<QueueEventsState>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function connect() {
  const events = new EventSource('/queue/events');
  source = events;
  events.addEventListener('open', () => set({ connected: true, everConnected: true }));
  events.addEventListener('changed', (event) => {
    const { pending } = JSON.parse((event as MessageEvent<string>).data) as { pending: number };
    set({ connected: true, everConnected: true, pending, changes: firstEventSeen ? state.changes + 1 : state.changes });
    firstEventSeen = true;
  });
  events.addEventListener('error', () => {
    set({ connected: false });
    if (events.readyState === EventSource.CLOSED && source === events) {
      source = null;
      retry = setTimeout(() => {
        retry = undefined;
        if (listeners.size > 0 && !source) connect();
      }, RETRY_AFTER_REFUSAL_MS);
    }
  });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!source && !retry) connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      source?.close();
      source = null;
      clearTimeout(retry);
      retry = undefined;
      state = { ...state, connected: false };
    }
  };
}

const SERVER_STATE: QueueEventsState = { connected: false, everConnected: false, pending: null, changes: 0 };

export function useQueueEvents(): QueueEventsState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => SERVER_STATE,
  );
}
