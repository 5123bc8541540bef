import { sql, type SqlRunner } from '../db/sql-runner';

/**
 * A value that changes whenever any switch is engaged, released, added or removed, in one read: how many switches
 * there are, how many are engaged, and the latest change to any of them (engaging and releasing both set
 * `changedAt`). The engaged set alone reads the same before an engage and after its release, so a watcher that reads
 * it every second missed a stop engaged and released between two reads, and an open queue kept showing rows frozen by
 * a stop already released. The count of rows covers the global stop's row going missing (which reads as engaged).
 */
export async function readSwitchesVersion(runner: SqlRunner): Promise<string> {
  const [row] = await runner.query<{ switches: unknown; engaged: unknown; last: unknown }>(sql`
    SELECT COUNT(*) AS "switches", SUM(CASE WHEN "engaged" THEN 1 ELSE 0 END) AS "engaged", MAX("changedAt") AS "last"
    FROM "Switch"`);
  return `${String(row?.switches)}|${String(row?.engaged)}|${String(row?.last)}`;
}
