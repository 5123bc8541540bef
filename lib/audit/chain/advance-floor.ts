import type { Tx } from '../../db/client';
import { sql } from '../../db/sql-runner';

/*
 * The floor below which every seq is sealed, kept on the signed head. Its own file because of the state it keeps
 * across passes (the holes seen), which both write paths share.
 */

/** Holes in the sequence first seen at (ms), as the notifier keeps them: a hole may be a PostgreSQL insert in flight. */
const holesSeen = ((globalThis as unknown as { wardenSealerHoles?: Map<number, number> }).wardenSealerHoles ??=
  new Map());

/**
 * The floor: the highest seq with every seq up to it sealed (`sealingNow`: sealed by the batch about to commit). A hole
 * is passed only once it has been open for the grace period (a rolled-back insert on PostgreSQL; a lower seq still in
 * flight there commits within it).
 */
export async function advanceFloor(
  tx: Tx,
  floor: number,
  now: number,
  graceMs: number,
  sealingNow: ReadonlySet<number>,
): Promise<number> {
  const rows = await tx.$queryRaw<{ seq: number | bigint; sealed: number | bigint | boolean }[]>(sql`
    SELECT "seq", CASE WHEN "chainIndex" IS NULL THEN 0 ELSE 1 END AS "sealed" FROM "AuditEvent" WHERE "seq" > ${floor} ORDER BY "seq" LIMIT 5000`);
  let expected = floor + 1;
  for (const row of rows) {
    const seq = Number(row.seq);
    if (seq !== expected) {
      const firstSeen = holesSeen.get(expected) ?? now;
      holesSeen.set(expected, firstSeen);
      if (now - firstSeen < graceMs) break;
    }
    if (Number(row.sealed) !== 1 && !sealingNow.has(seq)) break;
    floor = seq;
    expected = seq + 1;
  }
  for (const seq of holesSeen.keys()) if (seq <= floor) holesSeen.delete(seq);
  return floor;
}
