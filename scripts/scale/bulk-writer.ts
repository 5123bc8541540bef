import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget } from '@/lib/env';
import { sqliteValue } from '@/lib/db/sqlite/values';

/**
 * Bulk inserts for the scale seed, straight on the driver (the seed is a tool, not the app): multi-row INSERTs on
 * SQLite through better-sqlite3, arrays unnested server-side on PostgreSQL (one statement of a few parameters carries
 * thousands of rows). Values are encoded exactly as the app writes them: SQLite through the app's own `sqliteValue`
 * (ISO text with +00:00, booleans as 0/1); PostgreSQL timestamps as UTC text into `timestamp(3)` (as
 * lib/db/pg-transaction.ts does).
 */
export type ColumnType = 'text' | 'int' | 'bool' | 'timestamp';
export type Table = { name: string; columns: readonly (readonly [string, ColumnType])[] };
export type Row = unknown[];

export const ACTION_TABLE: Table = {
  name: 'Action',
  columns: [
    ['id', 'text'],
    ['agentId', 'text'],
    ['toolId', 'text'],
    ['toolName', 'text'],
    ['params', 'text'],
    ['reason', 'text'],
    ['sources', 'text'],
    ['currentValues', 'text'],
    ['requester', 'text'],
    ['requesterVerified', 'bool'],
    ['traceId', 'text'],
    ['paramsHash', 'text'],
    ['approvedParamsHash', 'text'],
    ['approvalsRequired', 'int'],
    ['requiredGroups', 'text'],
    ['assignedGroupId', 'text'],
    ['escalationLevel', 'int'],
    ['editedParams', 'text'],
    ['paramsVersion', 'int'],
    ['expiresAt', 'timestamp'],
    ['status', 'text'],
    ['gateReasons', 'text'],
    ['riskFlags', 'text'],
    ['riskMask', 'int'],
    ['riskWeight', 'int'],
    ['riskVersion', 'int'],
    ['decisionReason', 'text'],
    ['reviewerId', 'text'],
    ['decidedAt', 'timestamp'],
    ['result', 'text'],
    ['downstreamRef', 'text'],
    ['createdAt', 'timestamp'],
    ['updatedAt', 'timestamp'],
  ],
};
export const APPROVAL_TABLE: Table = {
  name: 'ActionApproval',
  columns: [
    ['actionId', 'text'],
    ['reviewerId', 'text'],
    ['groupId', 'text'],
    ['comment', 'text'],
    ['createdAt', 'timestamp'],
  ],
};
/** `seq` is left to the database: it numbers the rows in the order they are inserted, as the app's inserts do. */
export const AUDIT_TABLE: Table = {
  name: 'AuditEvent',
  columns: [
    ['at', 'timestamp'],
    ['actorType', 'text'],
    ['actorId', 'text'],
    ['actionId', 'text'],
    ['agentId', 'text'],
    ['type', 'text'],
    ['payload', 'text'],
  ],
};

/** Every table of the app holding data (children first), for counting and for --force. */
export const DATA_TABLES = [
  'NotificationDelivery',
  'NotificationChannel',
  'AuditEvent',
  'ActionApproval',
  'Action',
  'IdempotencyRecord',
  'Grant',
  'AgentKey',
  'Agent',
  'ReviewerGroupMember',
  'ReviewerGroup',
  'Tool',
  'User',
  'WorkerCursor',
] as const;

export interface BulkWriter {
  readonly provider: DatabaseTarget['provider'];
  count(table: string): Promise<number>;
  /** Deletes every row of the app's data tables (not the migrations' record, not the global-stop switch). */
  wipe(): Promise<void>;
  /** Fast, non-durable settings for the load; `finish` restores the app's and brings statistics up to date. */
  prepareForLoad(): Promise<void>;
  finish(): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  insert(table: Table, rows: Row[]): Promise<void>;
  /** One statement with ?-placeholders (turned into $n on PostgreSQL); values encoded like inserted ones. */
  execute(sql: string, values: unknown[]): Promise<void>;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name}"`;

export function openBulkWriter(target: DatabaseTarget): Promise<BulkWriter> {
  return target.provider === 'sqlite'
    ? Promise.resolve(new SqliteBulkWriter(target.file))
    : PgBulkWriter.connect(target.url);
}

class SqliteBulkWriter implements BulkWriter {
  readonly provider = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    this.db = new Database(file, { timeout: 5000 });
    this.db.pragma('foreign_keys = ON');
  }

  async count(table: string) {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
  }

  async wipe() {
    this.db
      .transaction(() => {
        for (const table of DATA_TABLES) this.db.exec(`DELETE FROM ${quote(table)}`);
        this.db.exec(`DELETE FROM sqlite_sequence WHERE name = 'AuditEvent'`);
      })
      .immediate();
  }

  async prepareForLoad() {
    // A rollback journal instead of WAL: pages appended by a transaction need no journal, so a bulk load writes each
    // page once instead of twice (WAL, then checkpoint). Not durable until finish(); the seed is rerun if it dies.
    // Another connection on the file (a server left running) keeps it in WAL: then the load is only slower.
    try {
      this.db.pragma('journal_mode = DELETE');
    } catch {
      console.error('[seed:scale] the database is open elsewhere: loading in WAL mode');
    }
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -262144');
  }

  async finish() {
    this.db.pragma('synchronous = FULL');
    // The app opens the file in WAL mode (lib/db/client.ts); the mode is stored in the file.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async begin() {
    this.db.exec('BEGIN IMMEDIATE');
  }

  async commit() {
    this.db.exec('COMMIT');
  }

  async insert(table: Table, rows: Row[]) {
    // SQLite binds at most 32,766 parameters per statement.
    const perStatement = Math.floor(30_000 / table.columns.length);
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const values: unknown[] = [];
      for (const row of chunk) for (const value of row) values.push(sqliteValue(value));
      this.statementFor(table, chunk.length).run(values);
    }
  }

  private statementFor(table: Table, rowCount: number): Database.Statement {
    const key = `${table.name}:${rowCount}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const tuple = `(${table.columns.map(() => '?').join(', ')})`;
      statement = this.db.prepare(
        `INSERT INTO ${quote(table.name)} (${table.columns.map(([name]) => quote(name)).join(', ')}) VALUES ${Array(rowCount).fill(tuple).join(', ')}`,
      );
      this.statements.set(key, statement);
    }
    return statement;
  }

  async execute(sql: string, values: unknown[]) {
    this.db.prepare(sql).run(values.map(sqliteValue));
  }

  async close() {
    this.db.close();
  }
}

const PG_ARRAY_TYPE: Record<ColumnType, string> = {
  text: 'text[]',
  int: 'int[]',
  bool: 'boolean[]',
  timestamp: 'timestamp(3)[]',
};
const pgValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value === undefined ? null : value);

class PgBulkWriter implements BulkWriter {
  readonly provider = 'postgresql' as const;

  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<PgBulkWriter> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new PgBulkWriter(client);
  }

  async count(table: string) {
    const { rows } = await this.client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(table)}`);
    return Number(rows[0].n);
  }

  async wipe() {
    await this.client.query(`TRUNCATE ${DATA_TABLES.map(quote).join(', ')} RESTART IDENTITY`);
  }

  async prepareForLoad() {
    // Commits need not wait for the WAL flush during the load (the seed is rerun if the machine dies meanwhile).
    await this.client.query('SET synchronous_commit = off');
  }

  async finish() {
    await this.client.query('SET synchronous_commit = on');
    // Autovacuum would analyze the new rows within a minute; doing it now gives the planner its statistics at once.
    await this.client.query('ANALYZE');
  }

  async begin() {
    await this.client.query('BEGIN');
  }

  async commit() {
    await this.client.query('COMMIT');
  }

  async insert(table: Table, rows: Row[]) {
    const perStatement = 10_000;
    const names = table.columns.map(([name]) => quote(name)).join(', ');
    const arrays = table.columns.map(([, type], i) => `$${i + 1}::${PG_ARRAY_TYPE[type]}`).join(', ');
    const text = `INSERT INTO ${quote(table.name)} (${names}) SELECT * FROM unnest(${arrays})`;
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const columns = table.columns.map((_, i) => chunk.map((row) => pgValue(row[i])));
      await this.client.query(text, columns);
    }
  }

  async execute(sql: string, values: unknown[]) {
    let n = 0;
    await this.client.query(
      sql.replace(/\?/g, () => `$${++n}`),
      values.map(pgValue),
    );
  }

  async close() {
    await this.client.end();
  }
}
