import { rawDate, rawText } from '../db/raw-values';
import { sql, type SqlRunner } from '../db/sql-runner';
import type { EngagedSwitch } from '../policy/stop-coverage';
import type { SwitchEffect, SwitchScope } from '../policy/switch-effects';
import { GLOBAL_STOP_ID } from './global-stop';

/**
 * Every engaged switch with when it was engaged, the global stop included (a missing global stop row reads as
 * engaged since ever: fail closed). Engaged switches are few; `engaged` is indexed. On any runner: a console read
 * passes `prismaRunner(db())`, the agent's result its own transaction.
 */
export async function readEngagedStops(runner: SqlRunner, agentId?: string): Promise<EngagedSwitch[]> {
  const rows = await runner.query<Record<string, unknown>>(sql`
    SELECT "id", "scope", "effect", "agentId", "toolName", "reason", "engagedAt" FROM "Switch"
    WHERE "engaged" = ${true}${agentId === undefined ? sql`` : sql` AND ("agentId" IS NULL OR "agentId" = ${agentId})`}
    ORDER BY "engagedAt" ASC, "id" ASC`);
  const hasGlobalRow =
    rows.some((row) => row.id === GLOBAL_STOP_ID) ||
    (await runner.query(sql`SELECT "id" FROM "Switch" WHERE "id" = ${GLOBAL_STOP_ID}`)).length > 0;
  const stops: EngagedSwitch[] = rows.map((row) => ({
    id: String(row.id),
    scope: String(row.scope) as SwitchScope,
    effect: String(row.effect) as SwitchEffect,
    agentId: rawText(row.agentId),
    toolName: rawText(row.toolName),
    reason: String(row.reason),
    engagedAt: rawDate(row.engagedAt),
  }));
  if (!hasGlobalRow) {
    stops.unshift({
      id: GLOBAL_STOP_ID,
      scope: 'global',
      effect: 'block',
      agentId: null,
      toolName: null,
      reason: 'the global stop record is missing',
      engagedAt: null,
    });
  }
  return stops;
}
