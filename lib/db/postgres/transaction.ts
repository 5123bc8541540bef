import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Sql, SqlRunner } from '../engine';

/*
 * The gate's SQL on PostgreSQL, on `pg` directly (pools from lib/db/postgres/index.ts).
 * The connection pipelines: BEGIN goes out with the first read, and statements a caller issues together
 * (`Promise.all`) share a round trip. Statements are prepared once per connection (named by their text's hash), so
 * PostgreSQL — on the same cores — parses and plans each only once.
 */
type PgQueryable = { query(config: pg.QueryConfig): Promise<pg.QueryResult> };

export async function pgTransaction<T>(pool: pg.Pool, work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let healthy = true;
  try {
    // Named, so pg sends it with the extended protocol, corked: it then goes out with the first statement (pool.ts).
    const begin = client.query({ name: 'warden_begin', text: 'BEGIN' });
    begin.catch(() => undefined); // awaited with every statement below; this only marks it handled
    const transaction: PgTransaction = { begin, ended: null };
    const runner = pgRunner(client, transaction);
    try {
      const result = await work(runner);
      if (!transaction.ended) await client.query('COMMIT');
      // executeLast sent COMMIT already; if the work swallowed its failure, the transaction still did not happen.
      else if ((await transaction.ended) !== 'COMMIT') throw new Error('the transaction was rolled back');
      return result;
    } catch (error) {
      if (transaction.ended) {
        // COMMIT went out with the last statements. Had it failed, whether the transaction survived is unknown
        // on this connection's side: it is not reused.
        await transaction.ended.catch(() => (healthy = false));
      } else {
        // A failed statement already aborted the transaction; ROLLBACK ends it (and fails only if the connection is gone).
        await client.query('ROLLBACK').catch(() => (healthy = false));
      }
      throw error;
    }
  } finally {
    client.release(healthy ? undefined : true);
  }
}

/** BEGIN's reply, and once executeLast has sent COMMIT, the command PostgreSQL answered (COMMIT or ROLLBACK). */
type PgTransaction = { begin: Promise<unknown>; ended: Promise<string> | null };

/**
 * Every statement also awaits the transaction's BEGIN (when there is one): had BEGIN failed, the statements behind
 * it would have run outside any transaction, so none of their results may be trusted and the caller fails.
 */
export function pgRunner(client: PgQueryable, transaction?: PgTransaction): SqlRunner {
  const send = (statement: Sql) =>
    client.query({
      name: statementName(statement.text),
      text: statement.text,
      values: statement.values.map(pgValue),
      types: PG_TYPES,
    });
  const run = async (statement: Sql) => {
    if (transaction?.ended) throw new Error('the transaction has ended: executeLast must be its last statement');
    const [, result] = await Promise.all([transaction?.begin, send(statement)]);
    return result;
  };
  return {
    dialect: 'postgresql',
    query: async <T>(statement: Sql) => (await run(statement)).rows as T[],
    execute: async (statement: Sql) => (await run(statement)).rowCount ?? 0,
    executeLast: async (statements) => {
      // Outside a transaction each runs on its own, in order (the connection pipelines them).
      if (!transaction) return Promise.all(statements.map(async (statement) => (await run(statement)).rowCount ?? 0));
      if (transaction.ended) throw new Error('the transaction has ended: executeLast must be its last statement');
      // All in one write: the statements, then COMMIT. A statement that fails aborts the transaction, and the COMMIT
      // behind it then only ends it (PostgreSQL answers ROLLBACK), so nothing of it is kept.
      const results = statements.map((statement) => send(statement));
      const commit = client.query({ text: 'COMMIT' });
      transaction.ended = commit.then((reply) => reply.command);
      transaction.ended.catch(() => undefined); // awaited below and by pgTransaction; this only marks it handled
      const [, settled] = await Promise.all([transaction.begin, Promise.allSettled(results)]);
      const failed = settled.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      const command = await transaction.ended;
      if (command !== 'COMMIT') throw new Error(`the transaction was not committed (PostgreSQL answered ${command})`);
      return settled.map((outcome) => (outcome.status === 'fulfilled' ? (outcome.value.rowCount ?? 0) : 0));
    },
  };
}

const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `warden_${createHash('sha1').update(text).digest('base64url')}`;
    if (statementNames.size < 500) statementNames.set(text, name); // the multi-row audit INSERT varies in shape
  }
  return name;
}

/**
 * Values as Prisma stores them: `timestamp(3)` columns hold UTC without a zone. pg would send a Date in the process's
 * local zone and read a zone-less timestamp back as local time; both are pinned to UTC here.
 */
function pgValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? null : value;
}

const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID && format !== 'binary'
      ? parseUtcTimestamp
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};
