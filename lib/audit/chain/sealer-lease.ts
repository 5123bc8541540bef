import { db } from '../../db/client';
import { sql } from '../../db/sql-runner';

/*
 * The sealer's lease, apart from the sealing: one sealer at a time across instances holds the WorkerCursor lease, and
 * both write paths (write-seals.ts, seal-batch-in-tx.ts) renew it last in their transaction, so a lapsed lease rolls
 * the batch back.
 */

export const SEALER_CURSOR = 'audit-sealer';
export const LEASE_MS = 30_000;

/** Thrown inside a batch's transaction when another instance took the lease: the batch rolls back. */
export class LostLeaseError extends Error {}

/** As the notifier's lease: created on first use; a lease still good for over half its length is not renewed (no write). */
export async function leaseSealer(owner: string, now: Date): Promise<boolean> {
  const cursor = await db().workerCursor.findUnique({ where: { id: SEALER_CURSOR } });
  if (!cursor)
    await db().$executeRaw(
      sql`INSERT INTO "WorkerCursor" ("id", "position") VALUES (${SEALER_CURSOR}, 0) ON CONFLICT ("id") DO NOTHING`,
    );
  if (cursor?.leaseOwner === owner && cursor.leaseUntil && cursor.leaseUntil.getTime() - now.getTime() > LEASE_MS / 2)
    return true;
  const { count } = await db().workerCursor.updateMany({
    where: { id: SEALER_CURSOR, OR: [{ leaseOwner: owner }, { leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return count === 1;
}
