'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';

type Decided = { id: string; tool: string; decision: 'approve' | 'reject'; message: string | null };
const KEY = 'warden.review.lastDecision';

/** Kept for the next card only (this tab): after moving on, the reviewer still sees what they just did. */
export function rememberDecision(decided: Decided): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(decided));
  } catch {
    // no note on the next card; the decision itself is recorded
  }
}

/** On the card opened after a decision: "You approved send_email." with a link back to it. Shown once. */
export function DecidedFlash({ actionId }: { actionId: string }) {
  const [decided, setDecided] = useState<Decided | null>(null);
  useEffect(() => {
    try {
      const raw = sessionStorage.getItem(KEY);
      sessionStorage.removeItem(KEY);
      const note = raw ? (JSON.parse(raw) as Decided) : null;
      // The note is for the next card: not the decided one reloaded.
      // eslint-disable-next-line react-hooks/set-state-in-effect -- sessionStorage exists only in the browser: read once after hydration
      if (note && note.id !== actionId) setDecided(note);
    } catch {
      // nothing to show
    }
  }, [actionId]);
  if (!decided) return null;
  return (
    <p
      role="status"
      className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
    >
      {decided.message ?? `You ${decided.decision === 'approve' ? 'approved' : 'rejected'} ${decided.tool}.`}{' '}
      <Link href={`/actions/${decided.id}`} className="font-medium underline">
        Open it again
      </Link>
      <span className="text-emerald-800"> · This is the next action waiting for you.</span>
    </p>
  );
}
