import { can, type Actor } from '../auth/actor';
import { getGlobalStop } from './get-global-stop';

export type StopState = {
  engaged: boolean;
  changedAt: string | null;
  changedBy: string | null;
  reason: string;
  canRelease: boolean;
};

/**
 * The shell banner's state, as plain JSON: what every console page shows and polls each second (one indexed row
 * and, while engaged, its engager's name), so an engage on any instance reaches every open console within ~1 s.
 */
export async function readStopState(actor: Actor): Promise<StopState> {
  const stop = await getGlobalStop(actor);
  return {
    engaged: stop.engaged,
    changedAt: stop.engaged ? (stop.changedAt?.toISOString() ?? null) : null,
    changedBy: stop.engaged ? (stop.changedBy?.name ?? null) : null,
    reason: stop.engaged ? stop.reason : '',
    canRelease: can(actor, 'switches.manage'),
  };
}
