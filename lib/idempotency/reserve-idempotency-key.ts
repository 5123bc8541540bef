import type { Sql } from '../db/engine';
import { commitWrites } from '../db/sql-runner';
import { prepareSql } from '../db/typed-sql';

const KEEP_MS = 48 * 3600_000; // keys are honoured for at least 24 h (IETF draft); purged after 48 h

/**
 * Inserts the "running" record; false when the key was already used (the primary key decides, not a prior read).
 * Plain SQL on the gate's runner, like the gate: these two writes bracket every keyed proposal. Now and then it also
 * purges records past their keeping time, in the same batch.
 */
export async function reserveIdempotencyKey(agentId: string, key: string, requestHash: string): Promise<boolean> {
  const now = new Date();
  const writes: Sql[] = [reserveKeySql({ agentId, key, requestHash, now })];
  if (Math.random() < 0.01) writes.push(purgeKeysSql({ before: new Date(now.getTime() - KEEP_MS) }));
  const [inserted] = await commitWrites(writes);
  return inserted === 1;
}

const reserveKeySql = prepareSql((db, p: { agentId: string; key: string; requestHash: string; now: Date }) =>
  db
    .insertInto('IdempotencyRecord')
    .values({ agentId: p.agentId, key: p.key, requestHash: p.requestHash, state: 'running', createdAt: p.now })
    .onConflict((conflict) => conflict.columns(['agentId', 'key']).doNothing()),
);

const purgeKeysSql = prepareSql((db, p: { before: Date }) =>
  db.deleteFrom('IdempotencyRecord').where('createdAt', '<', p.before),
);
