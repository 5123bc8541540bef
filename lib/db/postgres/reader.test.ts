import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PgReader } from './reader';

/**
 * The shared connection of the hot path's lookups on a real PostgreSQL: lookups issued together are all answered,
 * and when the connection dies the lookups on it fail (nothing is answered from a dead connection) and the next one
 * opens a new connection.
 */
const url = process.env.WARDEN_TEST_POSTGRES_URL;
const skipReason = 'WARDEN_TEST_POSTGRES_URL is not set: the shared PostgreSQL connection is not tested';
if (!url) console.warn(`[pg-reader.test] ${skipReason}`);

describe.skipIf(!url)(url ? 'PgReader (shared pipelined connection)' : `PgReader (skipped: ${skipReason})`, () => {
  const reader = new PgReader({ connectionString: url });
  afterAll(() => reader.end());
  const backendPid = async () => Number((await reader.query({ text: 'SELECT pg_backend_pid() AS pid' })).rows[0].pid);

  it('answers many lookups issued together, each with its own result, on one connection', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        reader.query({ name: 'reader_test_echo', text: 'SELECT $1::int AS n, pg_backend_pid() AS pid', values: [i] }),
      ),
    );
    expect(results.map((result) => result.rows[0].n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(new Set(results.map((result) => result.rows[0].pid)).size).toBe(1);
  });

  it('fails the lookups of a connection that dies, then serves on a new one', async () => {
    const before = await backendPid();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const slow = expect(reader.query({ text: 'SELECT pg_sleep(5)' })).rejects.toThrow(/terminat/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await admin.query('SELECT pg_terminate_backend($1)', [before]);
    await admin.end();
    await slow;
    const after = await backendPid();
    expect(after).not.toBe(before);
  });
});
