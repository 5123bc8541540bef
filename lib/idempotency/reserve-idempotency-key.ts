import { commitWrites, sql } from '../db/sql-runner';

const KEEP_MS = 48 * 3600_000; // keys are honoured for at least 24 h (IETF draft); purged after 48 h

/**
 * Inserts the "running" record; false when the key was already used (the primary key decides, not a prior read).
 * Plain SQL on the gate's runner, like the gate: these two writes bracket every keyed proposal. Now and then it also
 * purges records past their keeping time, in the same batch.
 */
export async function reserveIdempotencyKey(agentId: string, key: string, requestHash: string): Promise<boolean> {
  const now = new Date();
  const writes = [
    sql`
    INSERT INTO "IdempotencyRecord" ("agentId", "key", "requestHash", "state", "createdAt")
    VALUES (${agentId}, ${key}, ${requestHash}, 'running', ${now})
    ON CONFLICT ("agentId", "key") DO NOTHING`,
  ];
  if (Math.random() < 0.01)
    writes.push(sql`DELETE FROM "IdempotencyRecord" WHERE "createdAt" < ${new Date(now.getTime() - KEEP_MS)}`);
  const [inserted] = await commitWrites(writes);
  return inserted === 1;
}
