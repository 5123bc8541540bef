import { sql, type SqlRunner } from '../db/sql-runner';
import { readEngagedStops } from './read-engaged-stops';

/**
 * A value that changes whenever any switch is engaged or released: the engaged switches with when each was engaged,
 * and the latest change to any switch (engaging and releasing both set `changedAt`). The engaged set alone reads the
 * same before an engage and after its release, so a watcher that reads it every second missed a stop engaged and
 * released between two reads, and an open queue kept showing rows frozen by a stop already released.
 */
export async function readSwitchesVersion(runner: SqlRunner): Promise<string> {
  const engaged = await readEngagedStops(runner);
  const [latest] = await runner.query<{ last: unknown }>(sql`SELECT MAX("changedAt") AS "last" FROM "Switch"`);
  const stops = engaged.map((stop) => `${stop.id}@${stop.engagedAt?.getTime() ?? ''}`).join(',');
  return `${stops}|${String(latest?.last ?? '')}`;
}
