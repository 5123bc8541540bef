import type { Db } from '../client';

/** What the later groups of lib/db/exercise-every-model.ts refer to: the rows the first group wrote. */
export type EveryModelContext = {
  client: Db;
  /** Makes every unique column unique to this run. */
  suffix: string;
  at: Date;
  user: { id: string; email: string };
  agent: { id: string };
  tool: { id: string };
  action: { id: string };
  /** Two audit events, `first` before `second`. */
  first: { seq: number };
  second: { seq: number };
};
