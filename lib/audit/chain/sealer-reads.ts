import { databaseTarget } from '../../env';
import type { Tx } from '../../db/client';
import { Prisma } from '../../generated/sqlite/client';
import { joinSql, sql } from '../../db/sql-runner';
import { atMillis, atMsSql, GENESIS_HASH, type ChainEvent } from './canonical-event';

/*
 * The sealer's reads of the log, shared by the planned batch (plan-seal-batch.ts, outside any transaction) and the
 * whole-batch transaction (seal-batch-in-tx.ts): the same rows, in the same order, whichever path seals them.
 */

/** The most events one batch seals. */
export const BATCH = 1000;

export type RawEvent = ChainEvent & { prevHash: string | null; hash: string | null };

export async function readEvents(tx: Tx, where: ReturnType<typeof sql>, limit = BATCH): Promise<RawEvent[]> {
  const rows = await tx.$queryRaw<(Omit<RawEvent, 'atMs'> & { atMs: unknown; seq: number | bigint })[]>(sql`
    SELECT "seq", ${Prisma.raw(atMsSql(databaseTarget().provider))} AS "atMs", "actorType", "actorId", "actionId", "agentId", "type", "payload", "prevHash", "hash"
    FROM "AuditEvent" WHERE ${where} ORDER BY "seq" LIMIT ${limit}`);
  return rows.map((row) => ({ ...row, seq: Number(row.seq), atMs: atMillis(row.atMs) }));
}

/** This batch's events: the chain's own event (started / broken) first, then the others in seq order. */
export async function unsealedEvents(tx: Tx, floor: number, firsts: number[]): Promise<RawEvent[]> {
  if (firsts.length === 0) return readEvents(tx, sql`"seq" > ${floor} AND "chainIndex" IS NULL`);
  // Read apart: with a backlog (an existing database's events), the newest seq would not be in the first batch.
  const own = await readEvents(tx, sql`"seq" IN (${joinSql(firsts)})`);
  const others = await readEvents(
    tx,
    sql`"seq" > ${floor} AND "chainIndex" IS NULL AND "seq" NOT IN (${joinSql(firsts)})`,
    BATCH - own.length,
  );
  return [...own, ...others];
}

export async function highestSealed(tx: Tx): Promise<{ index: number; hash: string }> {
  const top = await tx.auditEvent.findFirst({
    where: { chainIndex: { not: null } },
    orderBy: { chainIndex: 'desc' },
    select: { chainIndex: true, hash: true },
  });
  return top ? { index: top.chainIndex!, hash: top.hash ?? GENESIS_HASH } : { index: 0, hash: GENESIS_HASH };
}
