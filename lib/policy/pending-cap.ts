import type { GrantPolicy } from './grant-policy';

/**
 * Every agent has a pending cap: its grant's own (maxPending) or, when the grant sets none, the instance default
 * (WARDEN_DEFAULT_MAX_PENDING, 1,000). Without it one looping agent could fill the queue until the console cannot
 * show it. The default counts only for proposals that would queue: the gate first decides without it, outside any
 * transaction, and reads the count (in the counted path, see lib/gate/propose-action.ts) only for those.
 */
export const DEFAULT_MAX_PENDING = 1000;

/** The grant with the default pending cap when it sets none of its own. */
export function withDefaultPendingCap(grant: GrantPolicy | null, defaultCap: number): GrantPolicy | null {
  if (!grant || grant.maxPending !== null) return grant;
  return { ...grant, maxPending: defaultCap };
}

/** Whether a decision taken without counters must be taken again with the pending count: it would join the queue. */
export function needsPendingCount(outcome: { kind: string; outcome?: string }): boolean {
  return outcome.kind === 'created' && outcome.outcome === 'pending_review';
}
