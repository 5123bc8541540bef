/**
 * What an engaged stop does to work already under way: which block switches cover a waiting or executing action,
 * whether its review deadline is frozen, and where that deadline lands when the stop is released. Pure: the expiry
 * job, the queue, the card, the agent API and the release each read the engaged switches and ask here. The SQL that
 * does the same over many rows (lib/kill-switches/stop-coverage-sql.ts) mirrors these rules; the cells in
 * e2e/api/switch-work*.spec.ts hold both to the same outcomes on SQLite and PostgreSQL.
 */
import { applicableSwitches, describeSwitch, type SwitchFact } from './switch-effects';

export const GLOBAL_STOP_SWITCH_ID = 'global_stop';

/** An engaged switch and when it was engaged (null: unknown, read as "always", fail closed). */
export type EngagedSwitch = SwitchFact & { engagedAt: Date | null };

export type CoveredWork = { agentId: string; toolName: string | null; createdAt: Date; expiresAt: Date | null };

/** A block is what freezes: review-all and draft-only only change what new proposals become. Unknown effects block. */
export function isBlock(fact: Pick<SwitchFact, 'effect'>): boolean {
  return fact.effect !== 'review-all' && fact.effect !== 'draft-only';
}

/**
 * The block switches holding this action: in scope, and engaged before its deadline (a deadline that had already
 * passed when the stop came is not frozen: already expired stays expired).
 */
export function stopsCovering(switches: readonly EngagedSwitch[], work: CoveredWork): EngagedSwitch[] {
  const blocks = switches.filter(isBlock);
  const inScope = applicableSwitches(blocks, work.agentId, work.toolName) as EngagedSwitch[];
  return inScope.filter(
    (fact) => work.expiresAt === null || fact.engagedAt === null || fact.engagedAt < work.expiresAt,
  );
}

/** A waiting action's deadline is frozen while any block covers it: the expiry job passes it by. */
export function isDeadlineFrozen(switches: readonly EngagedSwitch[], work: CoveredWork): boolean {
  return work.expiresAt !== null && stopsCovering(switches, work).length > 0;
}

/**
 * The deadline after `released` is released at `releasedAt`: moved later by the time it was frozen by this switch
 * alone — from max(engagedAt, createdAt) until the release, or until the earliest other block still covering it was
 * engaged (that block's own release gives the rest back). So overlapping stops give back exactly the time the action
 * was held by any of them, once. Unchanged when it had already passed when the stop came, or when another block
 * covered it from before this one (or from an unknown time). `stillEngaged` are the other engaged switches.
 */
export function deadlineAfterRelease(
  work: CoveredWork,
  released: EngagedSwitch,
  releasedAt: Date,
  stillEngaged: readonly EngagedSwitch[],
): Date | null {
  if (work.expiresAt === null) return null;
  if (stopsCovering([released], work).length === 0 || released.engagedAt === null) return work.expiresAt;
  const others = stopsCovering(stillEngaged, work).map((fact) => fact.engagedAt?.getTime() ?? Number.NEGATIVE_INFINITY);
  const frozenFrom = Math.max(released.engagedAt.getTime(), work.createdAt.getTime());
  const frozenUntil = Math.min(releasedAt.getTime(), ...others);
  return new Date(work.expiresAt.getTime() + Math.max(frozenUntil - frozenFrom, 0));
}

export function describeStop(fact: SwitchFact): string {
  if (fact.id === GLOBAL_STOP_SWITCH_ID)
    return fact.reason ? `global stop is engaged: ${fact.reason}` : 'global stop is engaged';
  return describeSwitch(fact);
}

/**
 * The words a refusal uses to name this switch (in gateReasons, decisionReason and audit payloads): counting
 * "refused since" looks for them. The global stop's refusals say "global stop is engaged".
 */
export function refusalMarker(switchId: string): string {
  return switchId === GLOBAL_STOP_SWITCH_ID ? 'global stop is engaged' : `switch ${switchId} (`;
}
