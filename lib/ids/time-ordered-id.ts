import { randomFillSync } from 'node:crypto';

/*
 * Ids for the rows the gate writes on every proposal. A random (v4) id lands on a random leaf of the primary-key
 * index, so every insert dirties another index page that the commit must write out; a time-ordered id appends to
 * the same few pages (measured: a quarter less commit work per proposal on SQLite, see docs/BENCHMARKS.md).
 * They still carry 74 random bits, so they cannot be guessed.
 */

// One system call fills randomness for many ids: a syscall per id cost ~30 µs under load (crypto.randomBytes).
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

function takeRandom(bytes: number): Buffer {
  if (offset + bytes > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const slice = Buffer.from(pool.subarray(offset, offset + bytes)); // a copy: the pool is refilled in place
  offset += bytes;
  return slice;
}

let lastMs = 0;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Within one millisecond a 12-bit counter
 * (started at a random point) keeps the ids of this process in order.
 */
export function uuidV7(now: number = Date.now()): string {
  const bytes = takeRandom(16);
  if (now > lastMs) {
    lastMs = now;
    sequence = bytes.readUInt16BE(6) & 0x07ff; // random start, headroom to count up within the millisecond
  } else {
    sequence = (sequence + 1) & 0x0fff;
    now = lastMs; // a clock that stepped back must not reorder ids already handed out
  }
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes.writeUInt8(0x80 | (bytes.readUInt8(8) & 0x3f), 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The trace id the gate gives a proposal that names none: `tr_` + the time in base 36 + 72 random bits. */
export function newTraceId(now: number = Date.now()): string {
  return `tr_${now.toString(36).padStart(9, '0')}${takeRandom(9).toString('base64url')}`;
}
