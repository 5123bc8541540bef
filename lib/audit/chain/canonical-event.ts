import { createHash } from 'node:crypto';

/** The chain's first `prevHash` (and the hash a verifier starts from). */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * One audit event as the chain sees it: the stored fields, read raw. `at` is milliseconds since the epoch (each
 * database's own representation is normalised by its reader), so the hash never depends on how a driver prints a
 * date.
 */
export type ChainEvent = {
  seq: number;
  atMs: number;
  actorType: string;
  actorId: string | null;
  actionId: string | null;
  agentId: string | null;
  type: string;
  payload: string;
};

export type SealedEvent = ChainEvent & { chainIndex: number | null; prevHash: string | null; hash: string | null };

/**
 * SHA-256 over a canonical encoding: a version tag, the chain position, the predecessor's hash, then every field of
 * the event as one JSON array (strings escaped, null distinct from "", no field can run into the next). Covering
 * `chainIndex` makes moving a row detectable; covering `seq` makes renumbering detectable.
 */
export function eventHash(event: ChainEvent, chainIndex: number, prevHash: string): string {
  const fields = JSON.stringify([event.seq, event.atMs, event.actorType, event.actorId, event.actionId, event.agentId, event.type, event.payload]);
  return createHash('sha256').update(`warden-audit/v1\n${chainIndex}\n${prevHash}\n${fields}`).digest('hex');
}

/**
 * A stored `at` as milliseconds: PostgreSQL readers select it as a number already; SQLite stores ISO text
 * ("…+00:00"). A text without a zone is UTC (SQLite's CURRENT_TIMESTAMP). Unreadable → NaN, which never matches
 * a sealed hash (fail closed).
 */
export function atMillis(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  const text = String(value);
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}
