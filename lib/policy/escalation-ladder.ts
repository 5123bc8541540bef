import type { EscalationStep } from './grant-policy';

/**
 * The escalation step due for a pending action, or null. `level` is how many steps were already taken: the next is
 * `ladder[level]`, due `afterMinutes` after the proposal. One step at a time, so every group on the ladder is told in
 * turn (and audited) even when several steps came due while no worker ran.
 */
export function dueEscalationStep(
  ladder: readonly EscalationStep[],
  action: { escalationLevel: number; createdAt: Date },
  now: Date,
): (EscalationStep & { level: number }) | null {
  const step = ladder[action.escalationLevel];
  if (!step || !Number.isFinite(step.afterMinutes)) return null;
  const dueAt = action.createdAt.getTime() + step.afterMinutes * 60_000;
  return dueAt <= now.getTime() ? { ...step, level: action.escalationLevel + 1 } : null;
}
