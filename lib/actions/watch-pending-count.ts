import { assertCan, type Actor } from '../auth/actor';
import { watchActionChanges } from '../realtime/watch-action-changes';
import { countPendingActions } from './count-pending-actions';

/** Changes arriving this close together (a batch decision, a burst of proposals) make one update. */
const COALESCE_MS = 250;

/**
 * For the console's navigation: calls `onCount` with the number of pending actions now, then again after changes
 * to any action (this instance or another on the same database). Counts never overlap; changes during one are
 * folded into the next. Returns the unsubscribe; after it, nothing more is sent.
 */
export function watchPendingCount(actor: Actor, onCount: (pending: number) => void): () => void {
  assertCan(actor, 'actions.read');
  let closed = false;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function update() {
    running = true;
    try {
      const pending = await countPendingActions(actor);
      if (!closed) onCount(pending);
    } catch (error) {
      console.error('Counting the review queue for a live update failed', error);
    } finally {
      running = false;
      if (again && !closed) {
        again = false;
        schedule();
      }
    }
  }
  function schedule() {
    if (running) {
      again = true;
      return;
    }
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void update();
    }, COALESCE_MS);
  }

  const unwatch = watchActionChanges(schedule);
  void update();
  return () => {
    closed = true;
    clearTimeout(timer);
    unwatch();
  };
}
