import type { Actor } from '../auth/actor';
import { rereadAfterMs } from '../realtime/other-instances';
import { nextSwitchChange } from '../realtime/switch-changes';
import { readStopState, type StopState } from './read-stop-state';

/** Without a way to hear changes (SQLite), the wait reads the stop again this often, as the banner's poll did. */
const REREAD_MS = 1000;

/**
 * The banner's long-poll: the stop's state once it differs from what the page shows (`shown`: engaged, and since
 * when), or as it is after `waitSeconds`. On PostgreSQL a change on any instance answers within the notice's
 * delivery; elsewhere within a second. Reads only.
 */
export async function waitForStopState(
  actor: Actor,
  input: { shown: { engaged: boolean; changedAt: string | null }; waitSeconds: number; signal?: AbortSignal },
): Promise<StopState> {
  const deadline = Date.now() + input.waitSeconds * 1000;
  const finished = new AbortController();
  const signal = input.signal ? AbortSignal.any([input.signal, finished.signal]) : finished.signal;
  try {
    for (;;) {
      // Waiting from before the read: a change committed between the read and the wait still ends it.
      const changed = nextSwitchChange(Math.min(deadline - Date.now(), rereadAfterMs(REREAD_MS)), signal);
      const state = await readStopState(actor);
      const differs =
        state.engaged !== input.shown.engaged || (state.engaged && state.changedAt !== input.shown.changedAt);
      if (differs || Date.now() >= deadline || signal.aborted) return state;
      await changed;
    }
  } finally {
    finished.abort(); // the wait begun before the last read ends with the call
  }
}
