import { openPending } from '../actions/queue-sql';
import { db, engine } from '../db/client';
import { rawDate, rawInt, rawText } from '../db/raw-values';
import { Prisma } from '../generated/sqlite/client';
import { metrics } from './registry';

/**
 * Sets the gauges that describe the database, at scrape time: the queue by agent and its oldest action, the engaged
 * switches, the engine's connections. Reads only (two SELECTs); the gauges are replaced whole, so an agent whose
 * queue emptied, or a switch kind no longer engaged, leaves the output.
 */
export async function readDatabaseGauges(now = new Date()): Promise<void> {
  const [queue, switches] = await Promise.all([
    db().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
      SELECT ag."name" AS "agent", COUNT(*) AS "n", MIN(a."createdAt") AS "oldest"
      FROM "Action" a JOIN "Agent" ag ON ag."id" = a."agentId"
      WHERE ${openPending(now)}
      GROUP BY ag."name"`),
    db().switch.groupBy({ by: ['scope', 'effect'], where: { engaged: true }, _count: { _all: true } }),
  ]);
  const m = metrics();

  m.queueDepth.reset();
  let oldest: number | null = null;
  for (const row of queue) {
    m.queueDepth.set({ agent: rawText(row.agent) ?? '' }, rawInt(row.n) ?? 0);
    const at = rawDate(row.oldest)?.getTime() ?? null;
    if (at !== null && (oldest === null || at < oldest)) oldest = at;
  }
  m.oldestPendingAge.set(oldest === null ? 0 : Math.max(0, (now.getTime() - oldest) / 1000));

  m.switchesEngaged.reset();
  for (const row of switches) m.switchesEngaged.set({ scope: row.scope, effect: row.effect }, row._count._all);

  m.poolConnections.reset();
  m.poolWaiting.reset();
  for (const pool of engine().connectionStats()) {
    m.poolConnections.set({ pool: pool.pool, state: 'open' }, pool.open);
    m.poolConnections.set({ pool: pool.pool, state: 'idle' }, pool.idle);
    m.poolWaiting.set({ pool: pool.pool }, pool.waiting);
  }
}
