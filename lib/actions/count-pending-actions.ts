import { Prisma } from '../generated/sqlite/client';
import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { openPending } from './queue-sql';

/**
 * How many actions wait for a person: the number beside "Queue" in the console's navigation. Reads only: actions
 * past their deadline are not counted, and the background job expires them.
 */
export async function countPendingActions(actor: Actor): Promise<number> {
  assertCan(actor, 'actions.read');
  const [row] = await db().$queryRaw<{ n: unknown }[]>(
    Prisma.sql`SELECT COUNT(*) AS "n" FROM "Action" a WHERE ${openPending(new Date())}`,
  );
  return Number(row?.n ?? 0);
}
