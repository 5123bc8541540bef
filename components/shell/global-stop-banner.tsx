'use client';

import { OctagonAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { StopState } from '@/lib/kill-switches/read-stop-state';
import { formatUtc } from '../format-time';
import { IntentPrefetchLink } from '../ui/intent-prefetch-link';

const POLL_MS = 1000;

/**
 * The banner, kept live: it starts from the state the server rendered and asks `/stop-state` every second (a cheap
 * read of one row), so a stop engaged or released on any app instance shows on every open console page within ~1 s.
 * A hidden tab skips its polls; a failed poll keeps what is shown (the next one tries again).
 */
export function LiveGlobalStopBanner({ initial }: { initial: StopState }) {
  const [state, setState] = useState(initial);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const controller = new AbortController();
    const poll = async () => {
      if (document.visibilityState !== 'hidden') {
        try {
          const response = await fetch('/stop-state', { cache: 'no-store', signal: controller.signal });
          if (response.ok) setState((await response.json()) as StopState);
        } catch {
          // Offline or aborted: keep the last known state.
        }
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void poll(), POLL_MS);
    };
    // poll never rejects: a failed fetch keeps the last known state.
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, []);
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
