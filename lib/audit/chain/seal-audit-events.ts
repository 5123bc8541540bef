import { db } from '../../db/client';
import { sql } from '../../db/sql-runner';
import { chainSettings } from './chain-settings';
import { planSealBatch } from './plan-seal-batch';
import { sealBatchInTx } from './seal-batch-in-tx';
import { leaseSealer, LostLeaseError } from './sealer-lease';
import { BATCH } from './sealer-reads';
import { HEAD_ID } from './signed-head';
import { loadSigningKey, type SigningKey } from './signing-key';
import { writeSealBatch } from './write-seals';

/**
 * The sealer: takes committed, unsealed audit events in the order it sees them (seq order among those visible) and
 * gives each the next chain index, its predecessor's hash and its own, in one transaction per batch that moves the
 * signed head by compare-and-set on (chainIndex, hash). Writers of events (the gate's hot path included) do nothing
 * for the chain: sealing runs after their commits, off their path. One sealer at a time across instances holds the
 * WorkerCursor lease; a lapsed lease loses the compare-and-set and its batch rolls back.
 * Before extending, it checks that the head is as it left it (the event there still hashes to the signed head, nothing
 * sealed beyond it); if not, it records `audit.chain_broken` and goes on in a new segment from the highest sealed
 * event, with a checkpoint signed at the break. Returns how many events it sealed, or null without the lease.
 */
export async function sealAuditEvents(
  owner: string,
  options: { now?: Date; maxBatches?: number } = {},
): Promise<number | null> {
  const now = options.now ?? new Date();
  const floor =
    (await db().auditChainHead.findUnique({ where: { id: HEAD_ID }, select: { floorSeq: true } }))?.floorSeq ?? 0;
  if (!(await anyUnsealed(floor)) && !(await checkpointDue(now))) return 0;
  if (!(await leaseSealer(owner, now))) return null;
  const key = loadSigningKey({ create: true })!;
  let total = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    let sealed: number;
    try {
      sealed = await sealNextBatch(owner, key, now);
    } catch (error) {
      if (error instanceof LostLeaseError) return total === 0 ? null : total;
      throw error;
    }
    total += sealed;
    if (sealed < BATCH) break;
  }
  return total;
}

/**
 * Only events above the floor are sealed: every seq at or below it was sealed already, so an unsealed one there was
 * written behind the sealer's back. It stays unsealed — sealing it would make it look legitimate — and verification
 * names it. (Also what keeps these reads a short range of the primary key however long the log.)
 */
async function anyUnsealed(floor: number): Promise<boolean> {
  const rows = await db().$queryRaw<unknown[]>(
    sql`SELECT "seq" FROM "AuditEvent" WHERE "seq" > ${floor} AND "chainIndex" IS NULL LIMIT 1`,
  );
  return rows.length > 0;
}

/** A time checkpoint is due when events were sealed after the last checkpoint, and that one is older than M minutes. */
async function checkpointDue(now: Date): Promise<boolean> {
  const [head, last] = await Promise.all([
    db().auditChainHead.findUnique({ where: { id: HEAD_ID }, select: { chainIndex: true } }),
    db().auditCheckpoint.findFirst({ orderBy: { chainIndex: 'desc' }, select: { chainIndex: true, signedAt: true } }),
  ]);
  if (!head) return false;
  if (!last) return true;
  return head.chainIndex > last.chainIndex && now.getTime() - last.signedAt.getTime() >= chainSettings().checkpointMs;
}

/**
 * One batch. In the usual case (the head is as a sealer left it) the events are read, hashed and signed outside any
 * transaction (plan-seal-batch.ts), and only the writes form one (write-seals.ts), which moves the head by
 * compare-and-set on what was read: the database's write lock is held for a handful of statements, not for the reads,
 * the hashing and the signatures, so the gate's commits (on SQLite, the whole file's writers) wait for it as little as
 * possible. A first seal or a broken chain takes the whole batch in one Prisma transaction (seal-batch-in-tx.ts).
 */
async function sealNextBatch(owner: string, key: SigningKey, now: Date): Promise<number> {
  const plan = await planSealBatch(key, now);
  if (!plan) return db().$transaction((tx) => sealBatchInTx(tx, owner, key, now), { timeout: 30_000 });
  await writeSealBatch(owner, plan);
  return plan.sealed.length;
}
