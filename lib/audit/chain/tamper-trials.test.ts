import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useSqliteTestDatabase } from '../../db/sqlite-test-database';
import { eventHash, GENESIS_HASH } from './canonical-event';
import { openSqliteSnapshot } from './chain-snapshot';
import { verifyChain, type ExportedCheckpoint } from './verify-chain';

/**
 * Tamper trials: a real SQLite database written and sealed by the app, then 1,000 random edits of a copy of its
 * audit table, each checked by the verifier `audit verify` runs. What counts as "the first bad seq" is decided here
 * without the verifier: walk the edited table in chain order beside the table as sealed; the first row that
 * differs names it (for rows cut from the end, the last intact row). Seeded: WARDEN_TAMPER_SEED repeats a run.
 */
const SEED = Number(process.env.WARDEN_TAMPER_SEED ?? 20261206);
const TRIALS = 1000;
const database = useSqliteTestDatabase('warden-tamper-');
const work = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'warden-tamper-copies-'));
const base = path.join(work, 'base.db');
const copy = path.join(work, 'copy.db');
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Row = {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actionId: string | null;
  agentId: string | null;
  type: string;
  payload: string;
  chainIndex: number | null;
  prevHash: string | null;
  hash: string | null;
};
const FIELDS = [
  'seq',
  'at',
  'actorType',
  'actorId',
  'actionId',
  'agentId',
  'type',
  'payload',
  'chainIndex',
  'prevHash',
  'hash',
] as const;

let sealed: Row[] = [];
let holes: number[] = [];
let publicKey = '';
let olderHead: Record<string, unknown> = {};
let exported: ExportedCheckpoint[] = [];

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}

beforeAll(async () => {
  process.env.WARDEN_AUDIT_CHECKPOINT_EVENTS = '40';
  process.env.WARDEN_NOTIFY_GAP_GRACE_MS = '0';
  const { recordAuditEvents } = await import('../record-audit-event');
  const { prismaRunner, sql } = await import('../../db/sql-runner');
  const { sealAuditEvents } = await import('./seal-audit-events');
  const random = prng(SEED + 1);
  const texts = ['plain', 'quote " and \\ backslash', 'ünïcödé 🚀', '<script>x</script>', '', 'line\nbreak'];
  for (let batch = 0; batch < 8; batch++) {
    await database.client.$transaction((tx) =>
      recordAuditEvents(
        prismaRunner(tx),
        Array.from({ length: 30 + random.int(20) }, (_, i) => ({
          actor: random.next() < 0.5 ? { type: 'system', id: `job-${i}` } : { type: 'cli', id: 'cli:root' },
          type: random.pick(['tool.enabled', 'tool.disabled', 'agent.paused'] as const),
          payload: { name: `${random.pick(texts)}-${batch}-${i}`, reason: random.pick(texts) } as never,
          agentId: random.next() < 0.5 ? `agent-${random.int(5)}` : null,
        })),
      ),
    );
    // A hole in the sequence, as a rolled-back insert leaves on PostgreSQL.
    await database.client.$executeRaw(sql`INSERT INTO "AuditEvent" ("seq", "at", "actorType", "type", "payload")
      VALUES ((SELECT MAX("seq") + 2 FROM "AuditEvent"), ${new Date()}, 'system', 'tool.enabled', '{}')`);
    expect(await sealAuditEvents('tamper-test')).toBeGreaterThan(30);
    if (batch === 4) {
      const read = new Database(database.file, { readonly: true });
      olderHead = read.prepare(`SELECT * FROM "AuditChainHead"`).get() as Record<string, unknown>;
      read.close();
    }
  }
  const { exportCheckpoints } = await import('./export-checkpoints');
  const file = await exportCheckpoints();
  exported = file.checkpoints;
  publicKey = file.publicKey!;
  const source = new Database(database.file);
  source.exec(`VACUUM INTO '${base}'`);
  source.close();
  const read = new Database(base, { readonly: true });
  sealed = read
    .prepare(`SELECT * FROM "AuditEvent" WHERE "chainIndex" IS NOT NULL ORDER BY "chainIndex"`)
    .all() as Row[];
  const seqs = new Set(sealed.map((r) => r.seq));
  const max = Math.max(...seqs);
  holes = Array.from({ length: max }, (_, i) => i + 1).filter((s) => !seqs.has(s));
  expect((read.prepare(`SELECT "floorSeq" FROM "AuditChainHead"`).get() as { floorSeq: number }).floorSeq).toBe(max);
  read.close();
});

async function verifyCopy(pinned?: ExportedCheckpoint[]) {
  const snapshot = openSqliteSnapshot(copy);
  try {
    return await verifyChain(snapshot, { trustedKeys: new Set([publicKey]), pinned });
  } finally {
    await snapshot.close();
  }
}

function open() {
  copyFileSync(base, copy);
  const conn = new Database(copy);
  conn.pragma('foreign_keys = OFF');
  conn.pragma('synchronous = OFF'); // a throwaway copy: no fsync per edit
  conn.pragma('journal_mode = MEMORY');
  return conn;
}

/** Gives the sealed rows (by seq) chain indexes 1.. in the order given, as someone rewriting the table would. */
function setOrder(conn: Database.Database, seqs: number[]) {
  conn.transaction(() => {
    conn.prepare(`UPDATE "AuditEvent" SET "chainIndex" = -1000000 - "chainIndex" WHERE "chainIndex" IS NOT NULL`).run();
    const set = conn.prepare(`UPDATE "AuditEvent" SET "chainIndex" = ? WHERE "seq" = ?`);
    seqs.forEach((seq, i) => set.run(i + 1, seq));
  })();
}

const unusedSeq = (r: ReturnType<typeof prng>) =>
  r.next() < 0.5 && holes.length ? r.pick(holes) : sealed.at(-1)!.seq + 1000 + r.int(1000);
const flipHex = (hex: string, r: ReturnType<typeof prng>) => {
  const i = r.int(hex.length);
  return hex.slice(0, i) + (hex[i] === '0' ? '1' : '0') + hex.slice(i + 1);
};

function changedValue(row: Row, field: (typeof FIELDS)[number], r: ReturnType<typeof prng>): unknown {
  const value = row[field];
  switch (field) {
    case 'seq':
      return unusedSeq(r);
    case 'chainIndex':
      return r.next() < 0.5 ? -r.int(3) : sealed.length + 1 + r.int(50);
    case 'at':
      return new Date(Date.parse(value as string) + (1 + r.int(86_400_000)) * (r.next() < 0.5 ? -1 : 1))
        .toISOString()
        .replace('Z', '+00:00');
    case 'prevHash':
    case 'hash':
      return flipHex(value as string, r);
    case 'payload': {
      const text = value as string;
      const i = 1 + r.int(Math.max(1, text.length - 2));
      return text.slice(0, i) + (text[i] === 'x' ? 'y' : 'x') + text.slice(i + 1);
    }
    default:
      return value === null ? 'x' : r.next() < 0.3 && field !== 'actorType' && field !== 'type' ? null : `${value}x`;
  }
}

type Expected = { seq: number | null; afterSeq: number | null };

/** The first row, in chain order, that is not as sealed; or the last intact one when rows were cut from the end. */
function expectedProblem(conn: Database.Database): Expected | null {
  const now = conn
    .prepare(`SELECT * FROM "AuditEvent" WHERE "chainIndex" IS NOT NULL ORDER BY "chainIndex"`)
    .all() as Row[];
  for (let p = 0; p < Math.max(now.length, sealed.length); p++) {
    if (p >= now.length) return { seq: null, afterSeq: p > 0 ? now[p - 1].seq : null };
    if (p >= sealed.length || FIELDS.some((f) => now[p][f] !== sealed[p][f]))
      return { seq: now[p].seq, afterSeq: null };
  }
  const unsealed = conn.prepare(`SELECT MIN("seq") AS s FROM "AuditEvent" WHERE "chainIndex" IS NULL`).get() as {
    s: number | null;
  };
  return unsealed.s === null ? null : { seq: unsealed.s, afterSeq: null };
}

const KINDS = [
  'change a field',
  'delete',
  'insert (sealed-looking)',
  'insert (unsealed, below the floor)',
  'reorder',
  'truncate the tail',
  'swap two rows',
] as const;

function tamper(kind: (typeof KINDS)[number], conn: Database.Database, r: ReturnType<typeof prng>): string {
  const n = sealed.length;
  const p = r.int(n);
  const order = sealed.map((row) => row.seq);
  switch (kind) {
    case 'change a field': {
      const field = r.pick(FIELDS);
      conn
        .prepare(`UPDATE "AuditEvent" SET "${field}" = ? WHERE "seq" = ?`)
        .run(changedValue(sealed[p], field, r) as never, sealed[p].seq);
      return `${field} of seq ${sealed[p].seq}`;
    }
    case 'delete':
      conn.prepare(`DELETE FROM "AuditEvent" WHERE "seq" = ?`).run(sealed[p].seq);
      return `seq ${sealed[p].seq}`;
    case 'insert (sealed-looking)': {
      const seq = unusedSeq(r);
      conn
        .prepare(
          `INSERT INTO "AuditEvent" ("seq", "at", "actorType", "actorId", "type", "payload", "chainIndex", "prevHash", "hash")
        VALUES (?, ?, 'user', 'someone', 'action.approved', '{"comment":null}', -5, ?, ?)`,
        )
        .run(
          seq,
          sealed[p].at,
          p > 0 ? sealed[p - 1].hash : GENESIS_HASH,
          r.pick([sealed[p].hash, flipHex(sealed[p].hash!, r)]),
        );
      order.splice(p, 0, seq);
      setOrder(conn, order);
      return `seq ${seq} at chain position ${p + 1}`;
    }
    case 'insert (unsealed, below the floor)': {
      const seq = holes.length ? r.pick(holes) : 1;
      conn
        .prepare(
          `INSERT INTO "AuditEvent" ("seq", "at", "actorType", "type", "payload") VALUES (?, ?, 'system', 'grant.revoked', '{}')`,
        )
        .run(seq, sealed[p].at);
      return `seq ${seq}`;
    }
    case 'reorder': {
      let q = r.int(n);
      if (q === p) q = (p + 1) % n;
      const [moved] = order.splice(p, 1);
      order.splice(q, 0, moved);
      setOrder(conn, order);
      return `seq ${moved} from position ${p + 1} to ${q + 1}`;
    }
    case 'truncate the tail': {
      const k = 1 + r.int(Math.min(60, n));
      conn.prepare(`DELETE FROM "AuditEvent" WHERE "chainIndex" > ?`).run(n - k);
      return `last ${k} events`;
    }
    case 'swap two rows': {
      let q = r.int(n);
      if (q === p) q = (p + 1) % n;
      [order[p], order[q]] = [order[q], order[p]];
      setOrder(conn, order);
      return `positions ${p + 1} and ${q + 1}`;
    }
  }
}

describe('tamper trials', () => {
  test('the untouched copy verifies', async () => {
    open().close();
    const result = await verifyCopy();
    expect(result).toMatchObject({ ok: true, events: sealed.length, problem: null });
  });

  test(`${TRIALS} random edits of the audit table: every one detected, the first bad seq named (seed ${SEED})`, async () => {
    console.log(
      `tamper trials: seed ${SEED} (WARDEN_TAMPER_SEED=${SEED} repeats this run), ${sealed.length} sealed events, holes ${holes.join(', ')}`,
    );
    const r = prng(SEED);
    const misses: string[] = [];
    const perKind = new Map<string, number>();
    for (let trial = 0; trial < TRIALS; trial++) {
      const kind = KINDS[trial % KINDS.length];
      const conn = open();
      const what = tamper(kind, conn, r);
      const expected = expectedProblem(conn);
      conn.close();
      const result = await verifyCopy();
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
      const named = result.problem ? { seq: result.problem.seq, afterSeq: result.problem.afterSeq } : null;
      if (
        !expected ||
        !named ||
        named.seq !== expected.seq ||
        (expected.seq === null && named.afterSeq !== expected.afterSeq)
      ) {
        misses.push(
          `trial ${trial} (${kind}: ${what}): expected ${JSON.stringify(expected)}, verify said ${JSON.stringify(result.problem)}`,
        );
      }
    }
    expect(misses).toEqual([]);
    expect([...perKind.keys()].sort()).toEqual([...KINDS].sort());
  }, 180_000);

  test('rewriting the hashes from an edit on is caught by the next signed checkpoint, named there', async () => {
    const conn = open();
    const p = 50;
    const checkpoint = exported.find((c) => c.chainIndex >= p + 1)!;
    let prev = sealed[p - 1].hash!;
    const set = conn.prepare(`UPDATE "AuditEvent" SET "payload" = ?, "prevHash" = ?, "hash" = ? WHERE "seq" = ?`);
    sealed.slice(p).forEach((row, i) => {
      const payload = i === 0 ? '{"name":"rewritten"}' : row.payload;
      const hash = eventHash({ ...row, payload, atMs: Date.parse(row.at) }, row.chainIndex!, prev);
      set.run(payload, prev, hash, row.seq);
      prev = hash;
    });
    conn.close();
    const result = await verifyCopy();
    expect(result.problem).toMatchObject({ seq: checkpoint.seq });
  });

  test('cutting the tail and restoring an older signed head passes on the box (the documented limit) but not against an export', async () => {
    const conn = open();
    const head = olderHead as { chainIndex: number };
    conn.prepare(`DELETE FROM "AuditEvent" WHERE "chainIndex" > ?`).run(head.chainIndex);
    conn.prepare(`DELETE FROM "AuditCheckpoint" WHERE "chainIndex" > ?`).run(head.chainIndex);
    const columns = Object.keys(olderHead);
    conn.prepare(`UPDATE "AuditChainHead" SET ${columns.map((c) => `"${c}" = @${c}`).join(', ')}`).run(olderHead);
    conn.close();
    expect((await verifyCopy()).ok).toBe(true);
    const lastKept = sealed[head.chainIndex - 1].seq;
    expect((await verifyCopy(exported)).problem).toMatchObject({ seq: null, afterSeq: lastKept });
  });

  test('a head or checkpoint re-signed with another key is refused, named at its event', async () => {
    const { generateKeyPairSync, sign } = await import('node:crypto');
    const { rawPublicKey, headMessage, checkpointMessage } = await import('./signing-key');
    const { privateKey, publicKey: otherPublic } = generateKeyPairSync('ed25519');
    const forger = rawPublicKey(otherPublic);
    const forge = (message: string) => sign(null, Buffer.from(message), privateKey).toString('base64');

    let conn = open();
    const head = conn.prepare(`SELECT * FROM "AuditChainHead"`).get() as {
      chainIndex: number;
      seq: number;
      hash: string;
      floorSeq: number;
      sealedAt: string;
    };
    conn
      .prepare(`UPDATE "AuditChainHead" SET "publicKey" = ?, "signature" = ?`)
      .run(forger, forge(headMessage({ ...head, sealedAtMs: Date.parse(head.sealedAt) })));
    conn.close();
    expect((await verifyCopy()).problem).toMatchObject({
      seq: head.seq,
      reason: expect.stringContaining('untrusted key'),
    });

    conn = open();
    const checkpoint = exported[3];
    conn
      .prepare(`UPDATE "AuditCheckpoint" SET "publicKey" = ?, "signature" = ? WHERE "chainIndex" = ?`)
      .run(
        forger,
        forge(checkpointMessage({ ...checkpoint, signedAtMs: Date.parse(checkpoint.signedAt) })),
        checkpoint.chainIndex,
      );
    conn.close();
    expect((await verifyCopy()).problem).toMatchObject({
      seq: checkpoint.seq,
      reason: expect.stringContaining('untrusted key'),
    });
  });

  test('the CLI: `audit verify` exits 0 with the counts on the copy, non-zero naming the seq on an edited one', () => {
    const cli = (file: string, ...args: string[]) =>
      spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/warden.ts', 'audit', 'verify', ...args], {
        env: { ...process.env, DATABASE_URL: `file:${file}`, WARDEN_DATA_DIR: path.dirname(database.file) },
        encoding: 'utf8',
      });
    open().close();
    const good = cli(copy);
    expect(good.stdout.trim()).toMatch(
      new RegExp(`^audit ok: ${sealed.length} events, ${exported.length} checkpoints$`),
    );
    expect(good.status).toBe(0);

    const conn = open();
    conn.prepare(`UPDATE "AuditEvent" SET "actorId" = 'someone-else' WHERE "seq" = ?`).run(sealed[100].seq);
    conn.close();
    const exportFile = path.join(work, 'export.json');
    writeFileSync(exportFile, JSON.stringify({ format: 'warden-audit-checkpoints/v1', checkpoints: exported }));
    for (const bad of [cli(copy), cli(copy, '--checkpoints', exportFile)]) {
      expect(bad.status).toBe(1);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toContain(
        `audit verification failed at seq ${sealed[100].seq}: its fields do not match its hash`,
      );
    }
  });
});
