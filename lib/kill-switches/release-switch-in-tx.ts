import type { Switch } from '../generated/sqlite/client';
import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db/client';
import { prismaRunner } from '../db/sql-runner';
import { isBlock, type EngagedSwitch } from '../policy/stop-coverage';
import type { SwitchEffect, SwitchScope } from '../policy/switch-effects';
import { GLOBAL_STOP_ID, lockSwitches } from './global-stop';
import { giveBackFrozenTime } from './stop-coverage-sql';

export type ReleaseInTxOptions = {
  reason: string;
  /** Released outside the console's rules (the CLI on the server): said in the audit. */
  breakGlass: boolean;
  /** Extra audit facts from the caller (e.g. the return-to-normal request that released it). */
  audit?: Record<string, unknown>;
};

/**
 * Releases one switch inside the caller's transaction: a compare-and-set on the engaged row, the frozen review
 * deadlines given back, and its audit event. Every path that releases (the Controls page, the CLI, an incident's
 * return to normal) ends here, so what a release does to the work the switch held is written once: waiting actions
 * it froze get their deadline moved later by the time they were frozen (unless another block still holds them;
 * lib/policy/stop-coverage.ts), and nothing else changes: releasing never approves or runs anything by itself.
 * Returns false when the switch was not engaged (nothing written).
 */
export async function releaseSwitchInTx(
  tx: Tx,
  actor: Actor,
  row: Switch,
  options: ReleaseInTxOptions,
): Promise<boolean> {
  await lockSwitches(tx);
  // Read again under the lock: the caller's row may predate a release and re-engage (the global stop is toggled).
  const current = await tx.switch.findUnique({ where: { id: row.id } });
  if (!current) return false;
  const now = new Date();
  const byId = actor.type === 'user' ? actor.id : null;
  const released = {
    engaged: false,
    releasedById: byId,
    releasedAt: now,
    releaseReason: options.reason,
    changedById: byId,
    changedAt: now,
  };
  const facts = { reason: options.reason, breakGlass: options.breakGlass, ...options.audit };
  if (row.id === GLOBAL_STOP_ID) {
    const { count } = await tx.switch.updateMany({ where: { id: GLOBAL_STOP_ID, engaged: true }, data: released });
    if (count !== 1) return false;
    const deadlinesMoved = await giveBackDeadlines(tx, current, now);
    await recordAuditEvent(tx, { actor, type: 'switch.global_stop_released', payload: { ...facts, deadlinesMoved } });
    return true;
  }
  const { count } = await tx.switch.updateMany({
    where: { id: row.id, engagedKey: { not: null } },
    data: { ...released, engagedKey: null },
  });
  if (count !== 1) return false;
  const deadlinesMoved = await giveBackDeadlines(tx, current, now);
  await recordAuditEvent(tx, {
    actor,
    agentId: current.agentId,
    type: 'switch.released',
    payload: { switchId: current.id, scope: current.scope, effect: current.effect, ...facts, deadlinesMoved },
  });
  return true;
}

/** After the compare-and-set: the switch no longer counts as engaged, so "another block still covers it" excludes it. */
async function giveBackDeadlines(tx: Tx, row: Switch, releasedAt: Date): Promise<number> {
  const fact: EngagedSwitch = {
    id: row.id,
    scope: row.scope as SwitchScope,
    effect: row.effect as SwitchEffect,
    agentId: row.agentId,
    toolName: row.toolName,
    reason: row.reason,
    engagedAt: row.engagedAt,
  };
  // Only a block freezes; a switch with no engagement time recorded froze from an unknown moment: nothing to give back.
  if (!isBlock(fact) || !fact.engagedAt) return 0;
  const runner = prismaRunner(tx);
  return runner.execute(giveBackFrozenTime(runner.dialect, { ...fact, engagedAt: fact.engagedAt }, releasedAt));
}
