import { OctagonAlert } from 'lucide-react';
import { formatUtc } from '../format-time';
import { IntentPrefetchLink } from '../ui/intent-prefetch-link';

/** Shown on every console page while the global stop is engaged: nobody should miss that agents are halted. */
export function GlobalStopBanner({ changedAt, changedBy, reason, canRelease }: { changedAt: string | null; changedBy: string | null; reason?: string; canRelease: boolean }) {
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
          <IntentPrefetchLink href="/controls" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white">
            Manage stop
          </IntentPrefetchLink>
        ) : null}
      </div>
    </div>
  );
}
