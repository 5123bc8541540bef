import type { Actor } from '../../auth/actor';
import { databaseTarget } from '../../env';
import { db, type Tx } from '../../db/client';
import { Prisma } from '../../generated/sqlite/client';
import { inTransaction, joinSql, sql, type SqlRunner } from '../../db/sql-runner';
import { recordAuditEventReturningSeq } from '../record-audit-event';
import { atMillis, atMsSql, eventHash, GENESIS_HASH, type ChainEvent } from './canonical-event';
import { chainSettings } from './chain-settings';
import {
  checkpointMessage,
  headMessage,
  loadSigningKey,
  signMessage,
  trustedPublicKeys,
  verifyMessage,
  type SigningKey,
} from './signing-key';

export const SEALER_CURSOR = 'audit-sealer';
export const HEAD_ID = 'main';
const BATCH = 1000;
const LEASE_MS = 30_000;
const SEALER: Actor = { type: 'system', id: 'audit-sealer' };

/** Holes in the sequence first seen at (ms), as the notifier keeps them: a hole may be a PostgreSQL insert in flight. */
const holesSeen = ((globalThis as unknown as { wardenSealerHoles?: Map<number, number> }).wardenSealerHoles ??=
  new Map());

type Head = {
  chainIndex: number;
  seq: number;
  hash: string;
  floorSeq: number;
  sealedAt: Date;
  publicKey: string;
  signature: string;
};
type Sealed = { seq: number; chainIndex: number; prevHash: string; hash: string };

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

class LostLeaseError extends Error {}

/** As the notifier's lease: created on first use; a lease still good for over half its length is not renewed (no write). */
async function leaseSealer(owner: string, now: Date): Promise<boolean> {
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

/**
 * One batch. In the usual case (the head is as a sealer left it) the events are read, hashed and signed outside any
 * transaction, and only the writes form one, which moves the head by compare-and-set on what was read: the database's
 * write lock is held for a handful of statements, not for the reads, the hashing and the signatures, so the gate's
 * commits (on SQLite, the whole file's writers) wait for it as little as possible. On SQLite that transaction runs on
 * the group commit's connection, whose statements are prepared once (Prisma's adapter prepares each anew: measured in
 * docs/BENCHMARKS.md). A first seal or a broken chain takes the whole batch in one Prisma transaction (sealBatch).
 */
async function sealNextBatch(owner: string, key: SigningKey, now: Date): Promise<number> {
  const plan = await planBatch(key, now);
  if (!plan) return db().$transaction((tx) => sealBatch(tx, owner, key, now), { timeout: 30_000 });
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
  return plan.sealed.length;
}

type BatchPlan = {
  head: Head;
  sealed: Sealed[];
  checkpoints: CheckpointRow[];
  next: Omit<Head, 'publicKey' | 'signature'> & { keyId: string; publicKey: string; signature: string };
};

/** The usual batch, read and signed ahead of its transaction; null when the head is missing or the chain broken. */
async function planBatch(key: SigningKey, now: Date): Promise<BatchPlan | null> {
  const settings = chainSettings();
  const head = await db().auditChainHead.findUnique({ where: { id: HEAD_ID } });
  if (!head || (await brokenReason(db(), head))) return null;
  const events = await unsealedEvents(db(), head.floorSeq, []);
  const sealed = chainOn({ index: head.chainIndex, hash: head.hash }, events);
  const checkpoints = await chooseCheckpoints(db(), key, sealed, false, now, settings);
  const tip = sealed.at(-1) ?? { seq: head.seq, chainIndex: head.chainIndex, hash: head.hash };
  const ours = new Set(sealed.map((s) => s.seq));
  const floorSeq = await advanceFloor(db(), head.floorSeq, now.getTime(), settings.gapGraceMs, ours);
  return { head, sealed, checkpoints, next: signedHead(key, tip, floorSeq, now) };
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

/** Gives each event the next chain index, its predecessor's hash and its own, from `base` on. */
function chainOn(base: { index: number; hash: string }, events: RawEvent[]): Sealed[] {
  const sealed: Sealed[] = [];
  for (const event of events) {
    const chainIndex = base.index + 1;
    const hash = eventHash(event, chainIndex, base.hash);
    sealed.push({ seq: event.seq, chainIndex, prevHash: base.hash, hash });
    base = { index: chainIndex, hash };
  }
  return sealed;
}

function signedHead(
  key: SigningKey,
  tip: { seq: number; chainIndex: number; hash: string },
  floorSeq: number,
  now: Date,
): BatchPlan['next'] {
  const next = {
    chainIndex: tip.chainIndex,
    seq: tip.seq,
    hash: tip.hash,
    floorSeq,
    sealedAt: now,
    keyId: key.keyId,
    publicKey: key.publicKey,
  };
  return { ...next, signature: signMessage(key, headMessage({ ...next, sealedAtMs: now.getTime() })) };
}

/**
 * One UPDATE for up to 200 events, rows found by primary key, values picked by CASE: portable, and no join for
 * SQLite's planner to turn into a scan of the table (UPDATE … FROM (VALUES …) did: ~60 events/s on 200,000 rows).
 */
function sealChunkStatement(chunk: Sealed[]) {
  const pick = (value: (s: Sealed) => unknown, type: 'INTEGER' | 'TEXT') =>
    sql`CASE "seq" ${joinSql(
      chunk.map((s) => sql`WHEN ${s.seq} THEN CAST(${value(s)} AS ${type === 'INTEGER' ? sql`INTEGER` : sql`TEXT`})`),
      ' ',
    )} END`;
  return sql`
    UPDATE "AuditEvent" SET "chainIndex" = ${pick((s) => s.chainIndex, 'INTEGER')}, "prevHash" = ${pick((s) => s.prevHash, 'TEXT')}, "hash" = ${pick((s) => s.hash, 'TEXT')}
    WHERE "seq" IN (${joinSql(chunk.map((s) => s.seq))}) AND "chainIndex" IS NULL`;
}

async function sealBatch(tx: Tx, owner: string, key: SigningKey, now: Date): Promise<number> {
  const settings = chainSettings();
  const head = await tx.auditChainHead.findUnique({ where: { id: HEAD_ID } });
  let broken = await brokenReason(tx, head);
  const base = head && !broken ? { index: head.chainIndex, hash: head.hash } : await highestSealed(tx);
  if (!head && base.index === 0) broken = null; // a fresh chain, not a broken one

  const firsts: number[] = [];
  if (!head && base.index === 0) {
    const earlier = await tx.auditEvent.count({ where: { chainIndex: null } });
    firsts.push(
      await recordAuditEventReturningSeq(tx, {
        actor: SEALER,
        type: 'audit.chain_started',
        payload: { earlierEvents: earlier },
      }),
    );
  } else if (broken) {
    firsts.push(
      await recordAuditEventReturningSeq(tx, {
        actor: SEALER,
        type: 'audit.chain_broken',
        payload: { reason: broken, headChainIndex: head?.chainIndex ?? null, headSeq: head?.seq ?? null },
      }),
    );
  }
  const events = await unsealedEvents(tx, head?.floorSeq ?? 0, firsts);
  if (events.length === 0 && !head) return 0;

  const sealed = chainOn(base, events);
  for (let i = 0; i < sealed.length; i += 200) {
    const chunk = sealed.slice(i, i + 200);
    const count = await tx.$executeRaw(sealChunkStatement(chunk));
    if (count !== chunk.length) throw new Error('audit sealer: events were sealed by another sealer meanwhile');
  }

  const checkpoints = await chooseCheckpoints(tx, key, sealed, firsts.length > 0, now, settings);
  if (checkpoints.length > 0) await tx.auditCheckpoint.createMany({ data: checkpoints });
  const tip = sealed.at(-1) ?? (head ? { seq: head.seq, chainIndex: head.chainIndex, hash: head.hash } : null);
  if (!tip) return 0;
  const floorSeq = await advanceFloor(tx, head?.floorSeq ?? 0, now.getTime(), settings.gapGraceMs, new Set());
  const signed = signedHead(key, tip, floorSeq, now);
  if (!head) {
    await tx.auditChainHead.create({ data: { id: HEAD_ID, ...signed } });
  } else {
    // Compare-and-set on the head as read: a second sealer that got here first makes this one roll back.
    const { count } = await tx.auditChainHead.updateMany({
      where: { id: HEAD_ID, chainIndex: head.chainIndex, hash: head.hash },
      data: signed,
    });
    if (count !== 1) throw new Error('audit sealer: the head moved meanwhile');
  }
  const { count } = await tx.workerCursor.updateMany({
    where: { id: SEALER_CURSOR, leaseOwner: owner },
    data: { position: tip.chainIndex, leaseUntil: new Date(Date.now() + LEASE_MS) },
  });
  if (count !== 1) throw new LostLeaseError(); // another instance took the lease: this batch rolls back
  return sealed.length;
}

/**
 * Why the chain is not as the sealer left it, or null. The head must be signed by a trusted key, the event at its
 * index must still hash to it, and nothing may be sealed beyond it. With no head, any sealed event is a break.
 */
async function brokenReason(tx: Tx, head: Head | null): Promise<string | null> {
  if (!head) {
    const sealed = await tx.auditEvent.count({ where: { chainIndex: { not: null } } });
    return sealed > 0 ? 'the signed head is missing while sealed events exist' : null;
  }
  if (
    !trustedPublicKeys().has(head.publicKey) ||
    !verifyMessage(head.publicKey, headMessage({ ...head, sealedAtMs: head.sealedAt.getTime() }), head.signature)
  ) {
    return 'the head is not signed by a trusted key';
  }
  const [tip] = await readEvents(tx, sql`"chainIndex" = ${head.chainIndex}`);
  if (
    !tip ||
    tip.seq !== head.seq ||
    tip.hash !== head.hash ||
    eventHash(tip, head.chainIndex, tip.prevHash ?? '') !== head.hash
  ) {
    return `the event at the head (chain index ${head.chainIndex}, seq ${head.seq}) is missing or changed`;
  }
  const beyond = await tx.auditEvent.count({ where: { chainIndex: { gt: head.chainIndex } } });
  return beyond > 0 ? `${beyond} events are sealed beyond the signed head` : null;
}

async function highestSealed(tx: Tx): Promise<{ index: number; hash: string }> {
  const top = await tx.auditEvent.findFirst({
    where: { chainIndex: { not: null } },
    orderBy: { chainIndex: 'desc' },
    select: { chainIndex: true, hash: true },
  });
  return top ? { index: top.chainIndex!, hash: top.hash ?? GENESIS_HASH } : { index: 0, hash: GENESIS_HASH };
}

type RawEvent = ChainEvent & { prevHash: string | null; hash: string | null };

async function readEvents(tx: Tx, where: ReturnType<typeof sql>, limit = BATCH): Promise<RawEvent[]> {
  const rows = await tx.$queryRaw<(Omit<RawEvent, 'atMs'> & { atMs: unknown; seq: number | bigint })[]>(sql`
    SELECT "seq", ${Prisma.raw(atMsSql(databaseTarget().provider))} AS "atMs", "actorType", "actorId", "actionId", "agentId", "type", "payload", "prevHash", "hash"
    FROM "AuditEvent" WHERE ${where} ORDER BY "seq" LIMIT ${limit}`);
  return rows.map((row) => ({ ...row, seq: Number(row.seq), atMs: atMillis(row.atMs) }));
}

/** This batch's events: the chain's own event (started / broken) first, then the others in seq order. */
async function unsealedEvents(tx: Tx, floor: number, firsts: number[]): Promise<RawEvent[]> {
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

type CheckpointRow = {
  chainIndex: number;
  seq: number;
  hash: string;
  signedAt: Date;
  keyId: string;
  publicKey: string;
  signature: string;
};

/** Every N events, at a break or a start, and at the batch's end once the last checkpoint is M minutes old. */
async function chooseCheckpoints(
  tx: Tx,
  key: SigningKey,
  sealed: Sealed[],
  atFirst: boolean,
  now: Date,
  settings: { checkpointEvents: number; checkpointMs: number },
): Promise<CheckpointRow[]> {
  const last = await tx.auditCheckpoint.findFirst({
    orderBy: { chainIndex: 'desc' },
    select: { chainIndex: true, signedAt: true },
  });
  let lastIndex = last?.chainIndex ?? 0;
  const chosen: Sealed[] = [];
  sealed.forEach((s, i) => {
    if ((i === 0 && atFirst) || s.chainIndex - lastIndex >= settings.checkpointEvents) {
      chosen.push(s);
      lastIndex = s.chainIndex;
    }
  });
  const tail = sealed.at(-1) ?? (await highestSealedEvent(tx));
  const stale = !last || now.getTime() - last.signedAt.getTime() >= settings.checkpointMs;
  if (tail && stale && tail.chainIndex > lastIndex) chosen.push(tail);
  return chosen.map((s) => ({
    chainIndex: s.chainIndex,
    seq: s.seq,
    hash: s.hash,
    signedAt: now,
    keyId: key.keyId,
    publicKey: key.publicKey,
    signature: signMessage(
      key,
      checkpointMessage({ chainIndex: s.chainIndex, seq: s.seq, hash: s.hash, signedAtMs: now.getTime() }),
    ),
  }));
}

async function highestSealedEvent(tx: Tx): Promise<Sealed | null> {
  const top = await tx.auditEvent.findFirst({
    where: { chainIndex: { not: null } },
    orderBy: { chainIndex: 'desc' },
    select: { seq: true, chainIndex: true, prevHash: true, hash: true },
  });
  return top ? { seq: top.seq, chainIndex: top.chainIndex!, prevHash: top.prevHash ?? '', hash: top.hash ?? '' } : null;
}

/**
 * The floor: the highest seq with every seq up to it sealed (`sealingNow`: sealed by the batch about to commit). A hole
 * is passed only once it has been open for the grace period (a rolled-back insert on PostgreSQL; a lower seq still in
 * flight there commits within it).
 */
async function advanceFloor(
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
