import { assertCan, type Actor } from '../auth/actor';
import { coalescedRunner } from '../realtime/coalesced-runner';
import { watchActionChanges } from '../realtime/watch-action-changes';
import { countPendingActions } from './count-pending-actions';

/** Counts at most this often, however fast changes arrive (the navigation's number, not a list). */
const GAP_MS = 250;

/**
 * For the console's navigation: calls `onCount` with the number of pending actions now, then again after changes
 * to any action (this instance or another on the same database). Counts never overlap; changes during one are
 * folded into the next. Returns the unsubscribe; after it, nothing more is sent.
 */
export function watchPendingCount(actor: Actor, onCount: (pending: number) => void): () => void {
  assertCan(actor, 'actions.read');
  let closed = false;
  const counter = coalescedRunner('Counting the review queue for a live update', GAP_MS, async () => {
    const pending = await countPendingActions(actor);
    if (!closed) onCount(pending);
  });
  const unwatch = watchActionChanges(() => counter.request());
  counter.request(0);
  return () => {
    closed = true;
    counter.stop();
    unwatch();
  };
}
