import type { Tx } from '../db/client';
import { prismaRunner, sql, type SqlRunner } from '../db/sql-runner';
import type { SwitchEffect, SwitchFact, SwitchScope } from '../policy/switch-effects';

export const GLOBAL_STOP_ID = 'global_stop';

/**
 * Reads the global stop inside the caller's transaction. A missing row means Warden cannot tell whether agents
 * were stopped, so it answers "stopped" (fail closed); the first migration creates the row.
 */
export async function readGlobalStop(tx: Tx): Promise<{ engaged: boolean; reason: string }> {
  const row = await tx.switch.findUnique({ where: { id: GLOBAL_STOP_ID }, select: { engaged: true, reason: true } });
  return row ? { engaged: row.engaged, reason: row.reason } : { engaged: true, reason: '' };
}

/**
 * Every engaged switch besides the global stop that could reach this agent (its own, or one with no agent: tool
 * scope). Engaged switches are few, and `engagedKey` is indexed: a cheap read on the hot path.
 */
export function readEngagedSwitches(runner: SqlRunner, agentId: string): Promise<SwitchFact[]> {
  return readEngagedSwitchesOf(runner, sql`${agentId}`);
}

/**
 * The same switches for the agent whose key has this hash, for a read issued before the key is checked (the gate's
 * prefetch: lib/gate/prefetch-gate-inputs.ts). A key belongs to one agent for its whole life.
 */
export function readEngagedSwitchesOfKey(runner: SqlRunner, keyHash: string): Promise<SwitchFact[]> {
  return readEngagedSwitchesOf(runner, sql`SELECT "agentId" FROM "AgentKey" WHERE "hash" = ${keyHash}`);
}

/** `agentIds`: a fragment that is the agent's id, or a subquery selecting it. */
async function readEngagedSwitchesOf(runner: SqlRunner, agentIds: ReturnType<typeof sql>): Promise<SwitchFact[]> {
  const rows = await runner.query<Record<string, unknown>>(sql`
    SELECT "id", "scope", "agentId", "toolName", "effect", "reason" FROM "Switch"
    WHERE "engagedKey" IS NOT NULL AND "id" <> ${GLOBAL_STOP_ID} AND ("agentId" IS NULL OR "agentId" IN (${agentIds}))`);
  return rows.map((row) => ({
    id: String(row.id),
    scope: String(row.scope) as SwitchScope,
    effect: String(row.effect) as SwitchEffect,
    agentId: row.agentId == null ? null : String(row.agentId),
    toolName: row.toolName == null ? null : String(row.toolName),
    reason: String(row.reason),
  }));
}

export function readEngagedSwitchesInTx(tx: Tx, agentId: string) {
  return readEngagedSwitches(prismaRunner(tx), agentId);
}

/**
 * On PostgreSQL, a claim takes a shared lock on the global stop's row and every engage takes an exclusive one (see
 * engage-switch.ts): a claim either commits before the engage does, or reads the switch the engage wrote. Claims
 * do not wait for each other. SQLite runs one writing transaction at a time, so it needs nothing.
 */
export async function holdSwitchesSteady(runner: SqlRunner): Promise<void> {
  if (runner.dialect === 'postgresql')
    await runner.query(sql`SELECT 1 FROM "Switch" WHERE "id" = ${GLOBAL_STOP_ID} FOR SHARE`);
}

export async function lockSwitches(tx: Tx): Promise<void> {
  const runner = prismaRunner(tx);
  if (runner.dialect === 'postgresql')
    await runner.query(sql`SELECT 1 FROM "Switch" WHERE "id" = ${GLOBAL_STOP_ID} FOR UPDATE`);
}
