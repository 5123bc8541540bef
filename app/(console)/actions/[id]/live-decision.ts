'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { ActionDecision } from '@/lib/actions/watch-action-decision';

export type DecidedElsewhere = ActionDecision;

/**
 * While the card shows a pending action, listens on /actions/[id]/events for its decision made elsewhere (another
 * reviewer, its deadline, another app instance). On it: the decision is returned (the controls give way to "Approved
 * by X just now") and the page is refreshed once, so the status, outcome and audit trail catch up. `accept` may
 * ignore a decision (this tab's own).
 */
export function useDecidedElsewhere(
  actionId: string,
  pending: boolean,
  accept: (decision: ActionDecision) => boolean,
): DecidedElsewhere | null {
  const router = useRouter();
  const [decided, setDecided] = useState<DecidedElsewhere | null>(null);

  useEffect(() => {
    if (!pending || decided) return;
    const events = new EventSource(`/actions/${actionId}/events`);
    events.addEventListener('decided', (event) => {
      events.close();
      const decision = JSON.parse((event as MessageEvent<string>).data) as ActionDecision;
      if (!accept(decision)) return;
      setDecided(decision);
      router.refresh();
    });
    return () => events.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `accept` reads a ref; a new function each render must not reopen the stream
  }, [actionId, pending, decided, router]);

  return decided;
}
