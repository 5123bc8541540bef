import { commitWrites } from '../db/sql-runner';
import { prepareSql } from '../db/typed-sql';
import { isKeptReply, type IdempotentReply } from './idempotent-reply';

/**
 * Ends a reserved key: keeps the reply for replay, or — for a reply that says "try again" — releases the key, so a
 * retry really runs again.
 */
export async function recordIdempotentReply(agentId: string, key: string, reply: IdempotentReply): Promise<void> {
  await commitWrites([
    isKeptReply(reply)
      ? keepReplySql({ agentId, key, statusCode: reply.status, responseBody: JSON.stringify(reply.body) })
      : releaseKeySql({ agentId, key }),
  ]);
}

const keepReplySql = prepareSql((db, p: { agentId: string; key: string; statusCode: number; responseBody: string }) =>
  db
    .updateTable('IdempotencyRecord')
    .set({ state: 'done', statusCode: p.statusCode, responseBody: p.responseBody })
    .where('agentId', '=', p.agentId)
    .where('key', '=', p.key),
);

const releaseKeySql = prepareSql((db, p: { agentId: string; key: string }) =>
  db.deleteFrom('IdempotencyRecord').where('agentId', '=', p.agentId).where('key', '=', p.key),
);
