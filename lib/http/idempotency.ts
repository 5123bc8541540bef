import { createHash } from 'node:crypto';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { canonicalJson } from '../policy/canonical-json';
import { toErrorPayload } from './error-response';

export type Reply = { status: number; body: unknown; replayed?: boolean };

const KEEP_MS = 48 * 3600_000; // keys are honoured for at least 24 h (IETF draft); purged after 48 h

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
  if (!(await claimKey(agentId, key, requestHash))) return replay(agentId, key, requestHash);

  let reply: Reply;
  try {
    reply = await run();
  } catch (error) {
    reply = toErrorPayload(error);
  }
  const where = { agentId_key: { agentId, key } };
  await db().$transaction((tx) =>
    reply.status === 409 || reply.status === 429 || reply.status >= 500
      ? tx.idempotencyRecord.delete({ where })
      : tx.idempotencyRecord.update({ where, data: { state: 'done', statusCode: reply.status, responseBody: JSON.stringify(reply.body) } }),
  );
  return reply;
}

/** Inserts the "running" record; false when the key was already used (the unique key decides, not a prior read). */
async function claimKey(agentId: string, key: string, requestHash: string): Promise<boolean> {
  try {
    await db().$transaction(async (tx) => {
      await tx.idempotencyRecord.create({ data: { agentId, key, requestHash, state: 'running' } });
      if (Math.random() < 0.01) await tx.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });
    });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
}

async function replay(agentId: string, key: string, requestHash: string): Promise<Reply> {
  const record = await db().idempotencyRecord.findUnique({ where: { agentId_key: { agentId, key } } });
  if (!record) throw new WardenError('conflict', 'A request with this Idempotency-Key just failed; retry it.');
  if (record.requestHash !== requestHash) {
    throw new WardenError('invalid_input', 'This Idempotency-Key was used with a different request body.', { issues: [{ path: 'Idempotency-Key', message: 'reused with another body' }] });
  }
  if (record.state !== 'done' || record.statusCode === null || record.responseBody === null) {
    throw new WardenError('conflict', 'A request with this Idempotency-Key is still being processed.');
  }
  return { status: record.statusCode, body: JSON.parse(record.responseBody), replayed: true };
}
