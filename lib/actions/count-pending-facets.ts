import { Prisma } from '../generated/sqlite/client';
import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { RISK_FLAG_CODES, RISK_FLAGS, type RiskFlagCode } from '../review/assess-risk';
import type { QueueFilter } from '../review/schemas';
import { filterPredicate, loadQueueReviewer, openPending, waitingPredicate } from './queue-sql';

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
 * The queue's counts, in the database. One grouped read by (agent, risk mask) under every filter but those two
 * answers the matching count, the per-agent and the per-risk facets (a mask holds every flag of an action); it reads
 * only the columns of the queue's covering index unless a filter needs more. "Waiting for me" is a count of its
 * own (its rule reads the approvals); the total and the menus' choices come from the indexes alone.
 */
export async function countPendingFacets(actor: Actor, filter: QueueFilter): Promise<QueueFacets> {
  assertCan(actor, 'actions.read');
  const now = new Date();
  const reviewer = await loadQueueReviewer(actor);
  const open = openPending(now);
  const agentId = filter.agent
    ? ((await db().agent.findUnique({ where: { name: filter.agent }, select: { id: true } }))?.id ?? null)
    : undefined;

  const groups = await db().$queryRaw<{ agentId: string; riskMask: unknown; n: unknown }[]>(sql`
    SELECT a."agentId", a."riskMask", COUNT(*) AS "n" FROM "Action" a
    WHERE ${open} AND ${filterPredicate(filter, reviewer, now, ['agent', 'risk'])}
    GROUP BY a."agentId", a."riskMask"`);
  const [[counted], waiting, names, tools] = await Promise.all([
    db().$queryRaw<{ n: unknown }[]>(sql`SELECT COUNT(*) AS "n" FROM "Action" a WHERE ${open}`),
    filter.mine
      ? null // then every counted action waits for me: the matching count says it
      : db().$queryRaw<{ n: unknown }[]>(
          sql`SELECT COUNT(*) AS "n" FROM "Action" a WHERE ${open} AND ${filterPredicate(filter, reviewer, now, 'mine')} AND ${waitingPredicate(reviewer)}`,
        ),
    db().$queryRaw<{ id: string; name: string }[]>(sql`
      SELECT ag."id", ag."name" FROM "Agent" ag WHERE ag."id" IN (SELECT a."agentId" FROM "Action" a WHERE a."status" = 'pending_review') ORDER BY ag."name"`),
    db().$queryRaw<{ toolName: string }[]>(
      sql`SELECT DISTINCT a."toolName" FROM "Action" a WHERE a."status" = 'pending_review' ORDER BY a."toolName"`,
    ),
  ]);

  const riskBit = filter.risk ? RISK_FLAGS[filter.risk].bit : 0;
  const agentOk = (id: string) => agentId === undefined || id === agentId;
  const riskOk = (mask: number) => riskBit === 0 || (mask & riskBit) !== 0;
  const nameOf = new Map(names.map((agent) => [agent.id, agent.name]));
  let matching = 0;
  const perAgent = new Map<string, number>();
  const byRisk: Partial<Record<RiskFlagCode, number>> = {};
  for (const group of groups) {
    const mask = Number(group.riskMask);
    const n = Number(group.n);
    if (agentOk(group.agentId) && riskOk(mask)) matching += n;
    if (riskOk(mask)) perAgent.set(group.agentId, (perAgent.get(group.agentId) ?? 0) + n);
    if (agentOk(group.agentId)) {
      for (const code of RISK_FLAG_CODES) if (mask & RISK_FLAGS[code].bit) byRisk[code] = (byRisk[code] ?? 0) + n;
    }
  }
  return {
    total: Number(counted?.n ?? 0),
    matching,
    byAgent: [...perAgent]
      .map(([id, count]) => ({ name: nameOf.get(id) ?? id, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    byRisk,
    waitingForMe: waiting ? Number(waiting[0]?.n ?? 0) : matching,
    agents: names.map((agent) => agent.name),
    tools: tools.map((row) => row.toolName),
  };
}
