import { readAuditPayload } from '../read-audit-payload';
import { eventHash, GENESIS_HASH, type SealedEvent } from './canonical-event';
import type { ChainSnapshot, CheckpointRow, HeadRow } from './chain-snapshot';
import { checkpointMessage, headMessage, keyIdOf, verifyMessage } from './signing-key';

/** Where the chain first fails: the seq of the first event (in chain order) that is not as sealed, or — for events
 * cut from the end, which left no row to name — `seq` null and the last intact event in `afterSeq`. */
export type ChainProblem = { seq: number | null; afterSeq: number | null; reason: string };

export type ChainVerification = {
  ok: boolean;
  /** Sealed events checked (up to the first problem). */
  events: number;
  checkpoints: number;
  unsealed: number;
  /** The last event, in chain order, before any problem. */
  verifiedThroughSeq: number | null;
  problem: ChainProblem | null;
};

/** A checkpoint as exported (`audit export --checkpoints`): signed, and pinning its key. */
export type ExportedCheckpoint = Omit<CheckpointRow, 'signedAtMs'> & { signedAt: string };

export type VerifyOptions = {
  /** Public keys whose signatures count (raw Ed25519, base64). */
  trustedKeys: ReadonlySet<string>;
  /** Checkpoints kept off the box: each must still be in the chain, so a rolled-back head or a cut tail shows. */
  pinned?: ExportedCheckpoint[];
  pageSize?: number;
};

const PAGE = 5000;

/**
 * Verifies the chain in one snapshot: walks every sealed event in chain order, recomputing each hash from the
 * event's fields and its predecessor's hash; checks each checkpoint and the head where they fall (signature by a
 * trusted key, same seq and hash); then that nothing was cut after the last event (the signed head, the checkpoints
 * and any pinned ones lie within the chain) and that no unsealed event sits at or below the sealed floor. Stops at the
 * first problem. Hashing is synchronous per page: one await per 5,000 events, none per row.
 */
export async function verifyChain(snapshot: ChainSnapshot, options: VerifyOptions): Promise<ChainVerification> {
  const head = await snapshot.head();
  const checkpointRows = await snapshot.checkpoints();
  const checkpoints = new Map(checkpointRows.map((c) => [c.chainIndex, c]));
  const pinned = new Map((options.pinned ?? []).map((c) => [c.chainIndex, c]));
  const trusted = new Set([...options.trustedKeys, ...(options.pinned ?? []).map((c) => c.publicKey)]);
  const pageSize = options.pageSize ?? PAGE;

  let expected = 1;
  let prev = GENESIS_HASH;
  let lastSeq: number | null = null;
  let events = 0;
  const result = (problem: ChainProblem | null, unsealed = 0): ChainVerification => ({
    ok: problem === null,
    events,
    checkpoints: checkpointRows.length,
    unsealed,
    verifiedThroughSeq: lastSeq,
    problem,
  });
  const bad = (seq: number, reason: string) => result({ seq, afterSeq: null, reason });

  // Keyset paging from the lowest index stored, not from 1: a row moved below 1 must be read (and named) too.
  let after = -2_147_483_648; // the least INTEGER: PostgreSQL refuses a lower parameter for that column
  for (;;) {
    const page = await snapshot.sealedPage(after, pageSize);
    for (const event of page) {
      const index = event.chainIndex!;
      if (!head) return bad(event.seq, 'sealed events but no signed head');
      if (index > head.chainIndex)
        return bad(event.seq, `sealed beyond the signed head (chain index ${index}, head at ${head.chainIndex})`);
      if (index !== expected)
        return bad(
          event.seq,
          `chain index ${index} where ${expected} was expected: an event before it is missing or moved`,
        );
      if (event.prevHash !== prev) return bad(event.seq, 'its predecessor hash does not match the event before it');
      if (eventHash(event, index, prev) !== event.hash) return bad(event.seq, 'its fields do not match its hash');
      const signed = checkpoints.get(index);
      if (signed) {
        const why = checkpointFault(signed, event, trusted, 'checkpoint');
        if (why) return bad(event.seq, why);
      }
      const kept = pinned.get(index);
      if (kept) {
        const why = checkpointFault(
          { ...kept, signedAtMs: Date.parse(kept.signedAt) },
          event,
          trusted,
          'exported checkpoint',
        );
        if (why) return bad(event.seq, why);
      }
      if (index === head.chainIndex) {
        const why = headFault(head, event, trusted);
        if (why) return bad(event.seq, why);
      }
      if (event.type === 'audit.chain_broken')
        return bad(event.seq, `the sealer recorded a broken chain here: ${brokenReason(event.payload)}`);
      prev = event.hash!;
      lastSeq = event.seq;
      events += 1;
      expected += 1;
    }
    if (page.length < pageSize) break;
    after = expected - 1;
  }

  const end = expected - 1;
  const cut = (reason: string) => result({ seq: null, afterSeq: lastSeq, reason });
  if (head && end < head.chainIndex)
    return cut(
      `events cut from the end: the chain stops at index ${end}, the signed head is at index ${head.chainIndex} (seq ${head.seq})`,
    );
  const lostCheckpoint = [...checkpoints.values(), ...pinned.values()].find((c) => c.chainIndex > end);
  if (lostCheckpoint)
    return cut(
      `events cut from the end: a signed checkpoint names chain index ${lostCheckpoint.chainIndex} (seq ${lostCheckpoint.seq}), the chain stops at ${end}`,
    );

  const unsealed = await snapshot.unsealed(head?.floorSeq ?? 0);
  if (unsealed.belowFloor !== null) {
    return result(
      {
        seq: unsealed.belowFloor,
        afterSeq: null,
        reason: `unsealed although at or below the sealed floor (seq ${head!.floorSeq}): written behind the sealer's back`,
      },
      unsealed.count,
    );
  }
  return result(null, unsealed.count);
}

function checkpointFault(
  c: CheckpointRow,
  event: SealedEvent,
  trusted: ReadonlySet<string>,
  what: string,
): string | null {
  if (c.seq !== event.seq || c.hash !== event.hash)
    return `the signed ${what} at chain index ${c.chainIndex} names another event or hash`;
  if (!trusted.has(c.publicKey))
    return `the ${what} at chain index ${c.chainIndex} is signed by an untrusted key (${keyIdOf(c.publicKey)})`;
  if (!verifyMessage(c.publicKey, checkpointMessage(c), c.signature))
    return `the ${what} at chain index ${c.chainIndex} has a bad signature`;
  return null;
}

function headFault(head: HeadRow, event: SealedEvent, trusted: ReadonlySet<string>): string | null {
  if (head.seq !== event.seq || head.hash !== event.hash) return 'the signed head names another event or hash';
  if (!trusted.has(head.publicKey)) return `the head is signed by an untrusted key (${keyIdOf(head.publicKey)})`;
  if (!verifyMessage(head.publicKey, headMessage(head), head.signature)) return 'the head has a bad signature';
  return null;
}

function brokenReason(payload: string): string {
  const read = readAuditPayload('audit.chain_broken', payload);
  return read.unparsed ? 'no reason given' : read.payload.reason;
}
