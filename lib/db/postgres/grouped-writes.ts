import type pg from 'pg';
import type { Sql } from '../engine';
import { pgTransaction } from './transaction';

type WriteJob = { statements: Sql[]; resolve: (counts: number[]) => void; reject: (error: unknown) => void };

/**
 * commitWrites on PostgreSQL: the writes of every caller in one turn of the event loop share one transaction, sent
 * in one write with its BEGIN and COMMIT. Should it fail, each caller's writes go again alone, so only the failing
 * one fails. One per pool: the queue goes with the connections it runs on.
 */
export class GroupedWrites {
  private pending: WriteJob[] = [];

  constructor(private readonly pool: pg.Pool) {}

  commit(statements: Sql[]): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ statements, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const jobs = this.pending;
    this.pending = [];
    const alone = (job: WriteJob) =>
      pgTransaction(this.pool, (runner) => runner.executeLast(job.statements)).then(job.resolve, job.reject);
    const [only] = jobs;
    if (only && jobs.length === 1) return alone(only);
    let counts: number[];
    try {
      counts = await pgTransaction(this.pool, (runner) => runner.executeLast(jobs.flatMap((job) => job.statements)));
    } catch {
      // Nothing of the group was kept (had its COMMIT been lost, the retried rows would collide on their ids and fail).
      await Promise.all(jobs.map(alone));
      return;
    }
    let next = 0;
    for (const job of jobs) job.resolve(counts.slice(next, (next += job.statements.length)));
  }
}
