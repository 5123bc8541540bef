import type { ActionLevel } from './action-levels';

/** Levels whose approval releases nothing beyond Warden's reviewer: a read, or a draft someone still has to send. */
const ONE_STEP_LEVELS: ReadonlySet<ActionLevel> = new Set(['read', 'draft']);

/**
 * Whether approving an action of this level takes a second, explicit step ("Approve and release") on the card.
 * Everything above read/draft changes something outside Warden and may not be undoable, so one keystroke must not
 * release it. An unknown tool (null) is treated as the riskiest: confirmed.
 */
export function approvalNeedsConfirmation(level: ActionLevel | null): boolean {
  return level === null || !ONE_STEP_LEVELS.has(level);
}
