'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';
import { useQueueEvents } from '@/components/shell/queue-events';
import { cn } from '@/components/ui/cn';

/** At most one refresh per this many ms, however fast changes arrive. */
const REFRESH_GAP_MS = 1000;

/**
 * Keeps the server-rendered queue current: on changes announced by /queue/events (any app instance), and when
 * the earliest deadline passes, it asks the server for the page again (router.refresh keeps client state such as
 * the keyboard selection and an open dialog). Shows whether the live connection is up.
 *
 * Refreshes are coalesced: one at a time, a gap between them, the changes heard meanwhile folded into the next. On a
 * busy queue a refresh per event would keep a render always pending, and a click on a row would wait behind them
 * instead of opening the action.
 */
export function LiveQueue({ nextExpiry }: { nextExpiry: string | null }) {
  const router = useRouter();
  const { connected, everConnected, changes } = useQueueEvents();
  const [refreshing, startTransition] = useTransition();
  const shown = useRef({ changes: 0, at: 0 });

  useEffect(() => {
    if (changes === shown.current.changes || refreshing) return;
    const wait = Math.max(0, shown.current.at + REFRESH_GAP_MS - Date.now());
    const timer = setTimeout(() => {
      shown.current = { changes, at: Date.now() };
      startTransition(() => router.refresh());
    }, wait);
    return () => clearTimeout(timer);
  }, [changes, refreshing, router]);

  useEffect(() => {
    if (!nextExpiry) return;
    // Past the deadline the server expires the action when the page is read; a second's grace for clock skew.
    const wait = Math.min(Math.max(Date.parse(nextExpiry) - Date.now() + 1000, 1000), 2 ** 31 - 1);
    const timer = setTimeout(() => startTransition(() => router.refresh()), wait);
    return () => clearTimeout(timer);
  }, [nextExpiry, router]);

  return (
    <p role="status" className="flex items-center gap-2 text-sm" title={connected ? 'New proposals and decisions appear without reloading' : undefined}>
      <span aria-hidden className={cn('size-2.5 rounded-full', connected ? 'bg-emerald-500 shadow-[0_0_0_3px_var(--color-emerald-100)]' : everConnected ? 'bg-amber-500' : 'bg-gray-300')} />
      {connected ? (
        <span className="font-medium text-emerald-800">Live</span>
      ) : everConnected ? (
        <span className="text-amber-900">Reconnecting… the list may be out of date</span>
      ) : (
        <span className="text-gray-600">Connecting…</span>
      )}
    </p>
  );
}
