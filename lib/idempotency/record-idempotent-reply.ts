import { commitWrites, sql } from '../db/sql-runner';
import { isKeptReply, type IdempotentReply } from './idempotent-reply';

/**
 * Ends a reserved key: keeps the reply for replay, or — for a reply that says "try again" — releases the key, so a
 * retry really runs again.
 */
export async function recordIdempotentReply(agentId: string, key: string, reply: IdempotentReply): Promise<void> {
  await commitWrites([
    isKeptReply(reply)
      ? sql`UPDATE "IdempotencyRecord" SET "state" = 'done', "statusCode" = ${reply.status}, "responseBody" = ${JSON.stringify(reply.body)}
            WHERE "agentId" = ${agentId} AND "key" = ${key}`
      : sql`DELETE FROM "IdempotencyRecord" WHERE "agentId" = ${agentId} AND "key" = ${key}`,
  ]);
}
