import { createHash } from 'node:crypto';
import { rawDate } from '../db/raw-values';
import { commitWrites, runOutsideTransaction, sql } from '../db/sql-runner';
import { WardenError } from '../errors';
import { canonicalJson } from '../policy/canonical-json';
import { toErrorPayload } from './error-response';

export type Reply = { status: number; body: unknown; replayed?: boolean };

const KEEP_MS = 48 * 3600_000; // keys are honoured for at least 24 h (IETF draft); purged after 48 h
/** A proposal is answered in well under a second; a claim still "running" after this lost its outcome. */
const LOST_AFTER_MS = 5 * 60_000;

/**
 * Idempotency-Key for agent requests (Stripe's rules): the same key and body replay the first response; the same key
 * with another body → 422; the same key while the first request still runs → 409. Responses that say "try again"
 * (409, 429, 5xx) are not kept, so a retry really retries.
 */
export async function withIdempotency(agentId: string, key: string | null, body: unknown, run: () => Promise<Reply>): Promise<Reply> {
  if (key === null) return run();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new WardenError('invalid_input', 'Idempotency-Key must be 1–255 visible ASCII characters.', { issues: [{ path: 'Idempotency-Key', message: 'invalid' }] });
  }
  const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
  if (!(await reserveIdempotencyKey(agentId, key, requestHash))) return replay(agentId, key, requestHash);

  let reply: Reply;
  try {
    reply = await run();
  } catch (error) {
    reply = toErrorPayload(error);
  }
  await commitWrites([
    reply.status === 409 || reply.status === 429 || reply.status >= 500
      ? sql`DELETE FROM "IdempotencyRecord" WHERE "agentId" = ${agentId} AND "key" = ${key}`
      : sql`UPDATE "IdempotencyRecord" SET "state" = 'done', "statusCode" = ${reply.status}, "responseBody" = ${JSON.stringify(reply.body)}
            WHERE "agentId" = ${agentId} AND "key" = ${key}`,
  ]);
  return reply;
}

/**
 * Inserts the "running" record; false when the key was already used (the primary key decides, not a prior read).
 * Plain SQL on the gate's runner, like the gate: these two writes bracket every keyed proposal.
 */
async function reserveIdempotencyKey(agentId: string, key: string, requestHash: string): Promise<boolean> {
  const now = new Date();
  const writes = [sql`
    INSERT INTO "IdempotencyRecord" ("agentId", "key", "requestHash", "state", "createdAt")
    VALUES (${agentId}, ${key}, ${requestHash}, 'running', ${now})
    ON CONFLICT ("agentId", "key") DO NOTHING`];
  if (Math.random() < 0.01) writes.push(sql`DELETE FROM "IdempotencyRecord" WHERE "createdAt" < ${new Date(now.getTime() - KEEP_MS)}`);
  const [inserted] = await commitWrites(writes);
  return inserted === 1;
}

type StoredRecord = { requestHash: string; state: string; statusCode: number | null; responseBody: string | null; createdAt: unknown };

async function replay(agentId: string, key: string, requestHash: string): Promise<Reply> {
  const [record] = await runOutsideTransaction((runner) => runner.query<StoredRecord>(sql`
    SELECT "requestHash", "state", "statusCode", "responseBody", "createdAt" FROM "IdempotencyRecord" WHERE "agentId" = ${agentId} AND "key" = ${key}`));
  if (!record) throw new WardenError('conflict', 'A request with this Idempotency-Key just failed; retry it.');
  if (record.requestHash !== requestHash) {
    throw new WardenError('invalid_input', 'This Idempotency-Key was used with a different request body.', { issues: [{ path: 'Idempotency-Key', message: 'reused with another body' }] });
  }
  if (record.state !== 'done' || record.statusCode === null || record.responseBody === null) {
    // The first request may have taken effect while its answer was never recorded (the server failed in between):
    // running it again could do it twice, so the key stays refused, with a message that says so (fail closed).
    const began = rawDate(record.createdAt) ?? new Date(0);
    if (Date.now() - began.getTime() > LOST_AFTER_MS) {
      throw new WardenError('conflict', `The request with this Idempotency-Key began at ${began.toISOString()} and its outcome was never recorded, so whether it took effect is unknown. Check the agent's recent actions in the console before retrying with a new Idempotency-Key.`);
    }
    throw new WardenError('conflict', 'A request with this Idempotency-Key is still being processed.');
  }
  return { status: Number(record.statusCode), body: JSON.parse(record.responseBody), replayed: true };
}
