import { Prisma } from '../generated/sqlite/client';
import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { RISK_FLAG_CODES, RISK_FLAGS, type RiskFlagCode } from '../review/assess-risk';
import type { QueueFilter } from '../review/schemas';
import { filterPredicate, loadQueueReviewer, openPending, riskPredicate, waitingPredicate } from './queue-sql';

const sql = Prisma.sql;

export type QueueFacets = {
  /** Pending actions in all. */
  total: number;
  /** Those matching every filter. */
  matching: number;
  /** Faceted: each dimension counted under every OTHER filter, so choosing an agent does not zero the others. */
  byAgent: { name: string; count: number }[];
  byRisk: Partial<Record<RiskFlagCode, number>>;
  /** Pending actions this reviewer may approve now, under the other filters. */
  waitingForMe: number;
  /** The choices of the agent and tool menus: those with something pending. */
  agents: string[];
  tools: string[];
};

/**
 * The queue's counts, in the database: one pass over the pending actions for the totals, the risk facets and
 * "waiting for me" (conditional sums), one grouped by agent, and the menus' choices from the pending indexes.
 */
export async function countPendingFacets(actor: Actor, filter: QueueFilter): Promise<QueueFacets> {
  assertCan(actor, 'actions.read');
  const now = new Date();
  const reviewer = await loadQueueReviewer(actor);
  const open = openPending(now);
  const when = (predicate: Prisma.Sql, alias: string) => sql`SUM(CASE WHEN ${predicate} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"${alias}"`)}`;
  const exceptRisk = filterPredicate(filter, reviewer, now, 'risk');
  const sums = [
    sql`COUNT(*) AS "total"`,
    when(filterPredicate(filter, reviewer, now), 'matching'),
    when(sql`${filterPredicate(filter, reviewer, now, 'mine')} AND ${waitingPredicate(reviewer)}`, 'waiting'),
    ...RISK_FLAG_CODES.map((code) => when(sql`${exceptRisk} AND ${riskPredicate(RISK_FLAGS[code].bit)}`, `risk_${code}`)),
  ];

  const [[totals], byAgentId, agents, tools] = await Promise.all([
    db().$queryRaw<Record<string, unknown>[]>(sql`SELECT ${Prisma.join(sums, ', ')} FROM "Action" a WHERE ${open}`),
    db().$queryRaw<{ name: string; n: unknown }[]>(sql`
      SELECT ag."name", c."n" FROM (
        SELECT a."agentId", COUNT(*) AS "n" FROM "Action" a WHERE ${open} AND ${filterPredicate(filter, reviewer, now, 'agent')} GROUP BY a."agentId"
      ) c JOIN "Agent" ag ON ag."id" = c."agentId"`),
    db().$queryRaw<{ name: string }[]>(sql`
      SELECT ag."name" FROM "Agent" ag WHERE ag."id" IN (SELECT a."agentId" FROM "Action" a WHERE a."status" = 'pending_review') ORDER BY ag."name"`),
    db().$queryRaw<{ toolName: string }[]>(sql`
      SELECT DISTINCT a."toolName" FROM "Action" a WHERE a."status" = 'pending_review' ORDER BY a."toolName"`),
  ]);

  const byRisk: Partial<Record<RiskFlagCode, number>> = {};
  for (const code of RISK_FLAG_CODES) {
    const count = Number(totals?.[`risk_${code}`] ?? 0);
    if (count > 0) byRisk[code] = count;
  }
  return {
    total: Number(totals?.total ?? 0),
    matching: Number(totals?.matching ?? 0),
    byAgent: byAgentId.map((row) => ({ name: row.name, count: Number(row.n) })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    byRisk,
    waitingForMe: Number(totals?.waiting ?? 0),
    agents: agents.map((row) => row.name),
    tools: tools.map((row) => row.toolName),
  };
}
