'use client';

import { OctagonAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { StopState } from '@/lib/kill-switches/read-stop-state';
import { formatUtc } from '../format-time';
import { IntentPrefetchLink } from '../ui/intent-prefetch-link';

/** How long one wait of the banner's long-poll lasts; a hidden tab checks again this often without holding one. */
const WAIT_SECONDS = 25;
const RETRY_MS = 1000;

/**
 * The banner, kept live: it starts from the state the server rendered and keeps one long-poll open on `/stop-state`,
 * answered as soon as the stop changes on any app instance (on PostgreSQL as it commits; elsewhere within a second),
 * so every open console page shows an engage or a release at once. A hidden tab holds no wait; a failed one keeps what
 * is shown and tries again a second later.
 */
export function LiveGlobalStopBanner({ initial }: { initial: StopState }) {
  const [state, setState] = useState(initial);
  // A new render from the server (e.g. after this person released the stop: the mutation refreshes the page) is the
  // newest state there is: shown at once, not when the long-poll next answers (it waits up to WAIT_SECONDS for a change).
  const [rendered, setRendered] = useState(initial);
  if (rendered !== initial) {
    setRendered(initial);
    setState(initial);
  }
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let shown = initial;
    const controller = new AbortController();
    const wait = async () => {
      let again = RETRY_MS;
      if (document.visibilityState !== 'hidden') {
        try {
          const query = new URLSearchParams({ wait: String(WAIT_SECONDS), engaged: shown.engaged ? '1' : '0' });
          if (shown.changedAt) query.set('changedAt', shown.changedAt);
          const response = await fetch(`/stop-state?${query}`, { cache: 'no-store', signal: controller.signal });
          if (response.ok) {
            shown = (await response.json()) as StopState;
            setState(shown);
            again = 0;
          }
        } catch {
          // Offline or aborted: keep the last known state.
        }
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void wait(), again);
    };
    // wait never rejects: a failed fetch keeps the last known state.
    void wait();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [initial]);
  if (!state.engaged) return null;
  return (
    <GlobalStopBanner
      changedAt={state.changedAt}
      changedBy={state.changedBy}
      reason={state.reason}
      canRelease={state.canRelease}
    />
  );
}

/** Shown on every console page while the global stop is engaged: nobody should miss that agents are halted. */
export function GlobalStopBanner({
  changedAt,
  changedBy,
  reason,
  canRelease,
}: {
  changedAt: string | null;
  changedBy: string | null;
  reason?: string;
  canRelease: boolean;
}) {
  return (
    <div className="border-b border-red-800 bg-red-600 text-white" data-testid="global-stop-banner">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <OctagonAlert aria-hidden className="size-6 shrink-0" />
        <div className="min-w-0 flex-1">
          <p className="font-semibold">Global stop engaged: all agents are stopped.</p>
          <p className="text-sm text-red-50">
            Every new proposal and every claim is blocked until an admin releases the stop.
            {changedAt ? ` Engaged ${changedBy ? `by ${changedBy} ` : ''}at ${formatUtc(changedAt)}.` : null}
          </p>
          {reason ? <p className="text-sm break-words text-white">Reason: {reason}</p> : null}
        </div>
        {canRelease ? (
          <IntentPrefetchLink
            href="/controls"
            className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
          >
            Manage stop
          </IntentPrefetchLink>
        ) : null}
      </div>
    </div>
  );
}
