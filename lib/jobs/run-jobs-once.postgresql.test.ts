import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../db/test-databases';

/**
 * Several instances on one PostgreSQL run their loops at once; each step runs in one of them at a time: a step whose
 * advisory lock another instance holds (here: another connection, as another instance's step would) is skipped
 * this tick, and runs on the next tick once the lock is gone.
 */
const url = process.env.WARDEN_TEST_POSTGRES_URL;
const skipReason = 'WARDEN_TEST_POSTGRES_URL is not set: the job steps advisory locks are not tested';
if (!url) console.warn(`[run-jobs-once.postgresql.test] ${skipReason}`);

describe.skipIf(!url)(url ? 'job steps one instance at a time' : `job step locks (skipped: ${skipReason})`, () => {
  useTestDatabase('postgresql', 'warden-job-locks');
  let runJobsOnce: typeof import('./run-jobs-once').runJobsOnce;
  let other: pg.Client;
  beforeAll(async () => {
    ({ runJobsOnce } = await import('./run-jobs-once'));
    other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
  });

  it('skips a step another instance is running, and runs it once that one is done', async () => {
    await other.query('BEGIN');
    await other.query("SELECT pg_advisory_xact_lock(hashtext('warden job: notification delivery'))");
    expect(await runJobsOnce('job-lock-test')).toEqual(['notification delivery']);
    await other.query('COMMIT');
    expect(await runJobsOnce('job-lock-test')).toEqual([]);
  });
});
