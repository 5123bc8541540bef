import { inTransaction, joinSql, sql, type SqlRunner } from '../../db/sql-runner';
import type { Sealed } from './chain-links';
import type { BatchPlan } from './plan-seal-batch';
import { LEASE_MS, LostLeaseError, SEALER_CURSOR } from './sealer-lease';
import { HEAD_ID } from './signed-head';

/*
 * The usual batch's second half: a planned batch (plan-seal-batch.ts) written in one short transaction through
 * lib/db's runner, not Prisma. On SQLite that transaction runs on the group commit's connection, whose statements are
 * prepared once (Prisma's adapter prepares each anew: measured in docs/BENCHMARKS.md), so the gate's commits wait for
 * it as little as possible.
 */

/** Writes the plan: moves the head by compare-and-set on the head as read, seals, checkpoints, renews the lease last. */
export async function writeSealBatch(owner: string, plan: BatchPlan): Promise<void> {
  await inTransaction(async (runner) => {
    const { head, next } = plan;
    const moved = await runner.execute(sql`
      UPDATE "AuditChainHead" SET "chainIndex" = ${next.chainIndex}, "seq" = ${next.seq}, "hash" = ${next.hash},
        "floorSeq" = ${next.floorSeq}, "sealedAt" = ${next.sealedAt}, "keyId" = ${next.keyId},
        "publicKey" = ${next.publicKey}, "signature" = ${next.signature}
      WHERE "id" = ${HEAD_ID} AND "chainIndex" = ${head.chainIndex} AND "hash" = ${head.hash}`);
    if (moved !== 1) throw new Error('audit sealer: the head moved meanwhile');
    await writeSeals(runner, plan.sealed);
    for (const c of plan.checkpoints) {
      await runner.execute(sql`
        INSERT INTO "AuditCheckpoint" ("chainIndex", "seq", "hash", "signedAt", "keyId", "publicKey", "signature")
        VALUES (${c.chainIndex}, ${c.seq}, ${c.hash}, ${c.signedAt}, ${c.keyId}, ${c.publicKey}, ${c.signature})`);
    }
    const leased = await runner.execute(sql`
      UPDATE "WorkerCursor" SET "position" = ${next.chainIndex}, "leaseUntil" = ${new Date(Date.now() + LEASE_MS)}
      WHERE "id" = ${SEALER_CURSOR} AND "leaseOwner" = ${owner}`);
    if (leased !== 1) throw new LostLeaseError(); // another instance took the lease: this batch rolls back
  });
}

/**
 * Each event's seal, written only where none is yet. SQLite: one prepared UPDATE per event (the group commit's
 * connection keeps it). PostgreSQL: one UPDATE per 200 events, the values picked by CASE (one round trip).
 */
async function writeSeals(runner: SqlRunner, sealed: Sealed[]): Promise<void> {
  if (runner.dialect === 'sqlite') {
    for (const s of sealed) {
      const count = await runner.execute(sql`
        UPDATE "AuditEvent" SET "chainIndex" = ${s.chainIndex}, "prevHash" = ${s.prevHash}, "hash" = ${s.hash}
        WHERE "seq" = ${s.seq} AND "chainIndex" IS NULL`);
      if (count !== 1) throw new Error('audit sealer: events were sealed by another sealer meanwhile');
    }
    return;
  }
  for (let i = 0; i < sealed.length; i += 200) {
    const chunk = sealed.slice(i, i + 200);
    const count = await runner.execute(sealChunkStatement(chunk));
    if (count !== chunk.length) throw new Error('audit sealer: events were sealed by another sealer meanwhile');
  }
}

/**
 * One UPDATE for up to 200 events, rows found by primary key, values picked by CASE: portable, and no join for
 * SQLite's planner to turn into a scan of the table (UPDATE … FROM (VALUES …) did: ~60 events/s on 200,000 rows).
 */
export function sealChunkStatement(chunk: Sealed[]) {
  const pick = (value: (s: Sealed) => unknown, type: 'INTEGER' | 'TEXT') =>
    sql`CASE "seq" ${joinSql(
      chunk.map((s) => sql`WHEN ${s.seq} THEN CAST(${value(s)} AS ${type === 'INTEGER' ? sql`INTEGER` : sql`TEXT`})`),
      ' ',
    )} END`;
  return sql`
    UPDATE "AuditEvent" SET "chainIndex" = ${pick((s) => s.chainIndex, 'INTEGER')}, "prevHash" = ${pick((s) => s.prevHash, 'TEXT')}, "hash" = ${pick((s) => s.hash, 'TEXT')}
    WHERE "seq" IN (${joinSql(chunk.map((s) => s.seq))}) AND "chainIndex" IS NULL`;
}
