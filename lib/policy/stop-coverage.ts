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
  return inScope.filter((fact) => work.expiresAt === null || fact.engagedAt === null || fact.engagedAt < work.expiresAt);
}

/** A waiting action's deadline is frozen while any block covers it: the expiry job passes it by. */
export function isDeadlineFrozen(switches: readonly EngagedSwitch[], work: CoveredWork): boolean {
  return work.expiresAt !== null && stopsCovering(switches, work).length > 0;
}

/**
 * The deadline after `released` is released at `releasedAt`: moved later by the time it was frozen
 * (release − max(engagedAt, createdAt)), unless another block still covers it (then it stays frozen and that
 * block's release gives the time back), and unchanged when it had already passed when the stop came.
 * `stillEngaged` are the other engaged switches, without `released`.
 */
export function deadlineAfterRelease(
  work: CoveredWork,
  released: EngagedSwitch,
  releasedAt: Date,
  stillEngaged: readonly EngagedSwitch[],
): Date | null {
  if (work.expiresAt === null) return null;
  if (stopsCovering([released], work).length === 0 || released.engagedAt === null) return work.expiresAt;
  if (stopsCovering(stillEngaged, work).length > 0) return work.expiresAt;
  const frozenFrom = Math.max(released.engagedAt.getTime(), work.createdAt.getTime());
  const frozenFor = Math.max(releasedAt.getTime() - frozenFrom, 0);
  return new Date(work.expiresAt.getTime() + frozenFor);
}

/** How a stop is named to the agent and to reviewers: the global stop as its refusals name it; others by switch. */
export function describeStop(fact: SwitchFact): string {
  if (fact.id === GLOBAL_STOP_SWITCH_ID) return fact.reason ? `global stop is engaged: ${fact.reason}` : 'global stop is engaged';
  return describeSwitch(fact);
}

/**
 * The words a refusal uses to name this switch (in gateReasons, decisionReason and audit payloads): counting
 * "refused since" looks for them. The global stop's refusals say "global stop is engaged".
 */
export function refusalMarker(switchId: string): string {
  return switchId === GLOBAL_STOP_SWITCH_ID ? 'global stop is engaged' : `switch ${switchId} (`;
}
