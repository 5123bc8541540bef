'use client';

import { Clock } from 'lucide-react';
import { useEffect, useState } from 'react';
import { formatUtc } from '@/components/format-time';
import { cn } from '@/components/ui/cn';

/**
 * Re-renders every `ms`, so ages and countdowns move without a reload. It starts at `renderedAt`, the server's clock
 * when it rendered the page, so hydration renders the very text the server sent: an age that rounded to another
 * minute in between was a hydration mismatch, on which React replaces the whole tree — and a click in flight on a
 * row's link landed on a removed element and was lost (CI's review-loop failures).
 */
export function useNow(ms: number, renderedAt: number): number {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- after hydration, catch up with the clock at once (the first tick is `ms` away)
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** "12 min", "1 h 5 min", "3 days". */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 1) return 'under 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

/** Close to the deadline: under 10 minutes left, or under a fifth of the review window. */
function urgency(createdAt: number, expiresAt: number, now: number): 'ok' | 'soon' | 'now' {
  const left = expiresAt - now;
  if (left < 2 * 60_000) return 'now';
  if (left < 10 * 60_000 || left < (expiresAt - createdAt) / 5) return 'soon';
  return 'ok';
}

/**
 * "12 min · expires in 48 min": how long an action has waited, against its review deadline. While a stop freezes it
 * the deadline does not count down: "frozen by the stop" (the release gives the frozen time back).
 */
export function AgeCell({
  createdAt,
  expiresAt,
  now,
  frozen = false,
}: {
  createdAt: string;
  expiresAt: string | null;
  now: number;
  frozen?: boolean;
}) {
  const created = Date.parse(createdAt);
  const waited = (
    <time dateTime={createdAt} title={`Proposed ${formatUtc(createdAt)}`}>
      {formatSpan(now - created)}
    </time>
  );
  if (frozen) {
    return (
      <span className="whitespace-nowrap" suppressHydrationWarning>
        {waited} ·{' '}
        <span
          className="font-medium text-red-700"
          title="A stop holds this action: it cannot be approved, and its review deadline is paused until the stop is released."
        >
          frozen by the stop
        </span>
      </span>
    );
  }
  if (!expiresAt)
    return (
      <span className="whitespace-nowrap" suppressHydrationWarning>
        {waited} · no deadline
      </span>
    );
  const deadline = Date.parse(expiresAt);
  const level = urgency(created, deadline, now);
  return (
    <span className="whitespace-nowrap" suppressHydrationWarning>
      {waited} ·{' '}
      <span
        title={`Expires ${formatUtc(expiresAt)}: undecided, it is blocked`}
        className={cn(
          level === 'now'
            ? 'font-semibold text-red-700'
            : level === 'soon'
              ? 'font-medium text-amber-800'
              : 'text-gray-600',
        )}
      >
        {level !== 'ok' ? <Clock aria-hidden className="mr-0.5 mb-0.5 inline size-3.5" /> : null}
        expires in {formatSpan(deadline - now)}
      </span>
    </span>
  );
}
