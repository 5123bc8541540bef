import Database from 'better-sqlite3';
import pg from 'pg';
import { databaseTarget, type DatabaseTarget } from '../../env';
import { atMillis, atMsSql, type SealedEvent } from './canonical-event';

export type HeadRow = {
  chainIndex: number;
  seq: number;
  hash: string;
  floorSeq: number;
  sealedAtMs: number;
  keyId: string;
  publicKey: string;
  signature: string;
};
export type CheckpointRow = {
  chainIndex: number;
  seq: number;
  hash: string;
  signedAtMs: number;
  keyId: string;
  publicKey: string;
  signature: string;
};

/**
 * A read-only, consistent view of the audit chain for verification: one read transaction (SQLite: a deferred BEGIN
 * on a read-only connection of its own; PostgreSQL: REPEATABLE READ READ ONLY on a `pg` client of its own), so the
 * head, the checkpoints and every page are of one moment while sealing goes on. Pages are keyset reads by
 * chainIndex, so memory stays flat whatever the log's size.
 */
export type ChainSnapshot = {
  head(): Promise<HeadRow | null>;
  checkpoints(): Promise<CheckpointRow[]>;
  /** Sealed events with chainIndex > afterIndex, in chain order. */
  sealedPage(afterIndex: number, limit: number): Promise<SealedEvent[]>;
  /** How many events are unsealed, and the lowest unsealed seq at or below `floorSeq` (null: none). */
  unsealed(floorSeq: number): Promise<{ count: number; belowFloor: number | null }>;
  close(): Promise<void>;
};

const EVENT_COLUMNS = `"seq", "actorType", "actorId", "actionId", "agentId", "type", "payload", "chainIndex", "prevHash", "hash"`;

export async function openChainSnapshot(target: DatabaseTarget = databaseTarget()): Promise<ChainSnapshot> {
  return target.provider === 'sqlite' ? openSqliteSnapshot(target.file) : openPostgresSnapshot(target.url);
}

export function openSqliteSnapshot(file: string): ChainSnapshot {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  conn.pragma('busy_timeout = 5000');
  conn.exec('BEGIN');
  const page = conn.prepare(
    `SELECT ${EVENT_COLUMNS}, ${atMsSql('sqlite')} AS "atMs" FROM "AuditEvent" WHERE "chainIndex" > ? ORDER BY "chainIndex" LIMIT ?`,
  );
  const dated = <T extends Record<string, unknown>>(row: T, field: string, as: string) => ({
    ...row,
    [as]: atMillis(row[field]),
  });
  return {
    async head() {
      const row = conn.prepare(`SELECT * FROM "AuditChainHead" WHERE "id" = 'main'`).get() as
        Record<string, unknown> | undefined;
      return row ? (dated(row, 'sealedAt', 'sealedAtMs') as unknown as HeadRow) : null;
    },
    async checkpoints() {
      const rows = conn.prepare(`SELECT * FROM "AuditCheckpoint" ORDER BY "chainIndex"`).all() as Record<
        string,
        unknown
      >[];
      return rows.map((row) => dated(row, 'signedAt', 'signedAtMs') as unknown as CheckpointRow);
    },
    async sealedPage(afterIndex, limit) {
      return page.all(afterIndex, limit) as SealedEvent[];
    },
    async unsealed(floorSeq) {
      const count = (
        conn.prepare(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "chainIndex" IS NULL`).get() as { n: number }
      ).n;
      const below = conn
        .prepare(`SELECT MIN("seq") AS s FROM "AuditEvent" WHERE "chainIndex" IS NULL AND "seq" <= ?`)
        .get(floorSeq) as { s: number | null };
      return { count, belowFloor: below.s };
    },
    async close() {
      if (conn.inTransaction) conn.exec('COMMIT');
      conn.close();
    },
  };
}

async function openPostgresSnapshot(url: string): Promise<ChainSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  // Milliseconds computed by the server: these are timestamps without time zone (UTC), which `pg` would read as local.
  const ms = (column: string) => `CAST(EXTRACT(EPOCH FROM "${column}") * 1000 AS DOUBLE PRECISION)`;
  return {
    async head() {
      const { rows } = await client.query(
        `SELECT *, ${ms('sealedAt')} AS "sealedAtMs" FROM "AuditChainHead" WHERE "id" = 'main'`,
      );
      return (rows[0] as HeadRow | undefined) ?? null;
    },
    async checkpoints() {
      const { rows } = await client.query(
        `SELECT *, ${ms('signedAt')} AS "signedAtMs" FROM "AuditCheckpoint" ORDER BY "chainIndex"`,
      );
      return rows as CheckpointRow[];
    },
    async sealedPage(afterIndex, limit) {
      const { rows } = await client.query({
        text: `SELECT ${EVENT_COLUMNS}, ${atMsSql('postgresql')} AS "atMs" FROM "AuditEvent" WHERE "chainIndex" > $1 ORDER BY "chainIndex" LIMIT $2`,
        values: [afterIndex, limit],
      });
      return rows as SealedEvent[];
    },
    async unsealed(floorSeq) {
      const { rows } = await client.query(
        `SELECT COUNT(*)::int AS n, MIN(CASE WHEN "seq" <= $1 THEN "seq" END) AS s FROM "AuditEvent" WHERE "chainIndex" IS NULL`,
        [floorSeq],
      );
      return { count: rows[0].n as number, belowFloor: (rows[0].s as number | null) ?? null };
    },
    async close() {
      await client.query('COMMIT').catch(() => undefined);
      await client.end();
    },
  };
}
