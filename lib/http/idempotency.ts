import { createHash } from 'node:crypto';
import { WardenError } from '../errors';
import type { IdempotentReply } from '../idempotency/idempotent-reply';
import { recordIdempotentReply } from '../idempotency/record-idempotent-reply';
import { replayIdempotentReply } from '../idempotency/replay-idempotent-reply';
import { reserveIdempotencyKey } from '../idempotency/reserve-idempotency-key';
import { canonicalJson } from '../policy/canonical-json';
import { toErrorPayload } from './error-response';

export type Reply = IdempotentReply;

/**
 * Idempotency-Key for agent requests (Stripe's rules): the same key and body replay the first response; the same key
 * with another body → 422; the same key while the first request still runs → 409. The HTTP side only: the header's
 * form, the body's hash, errors as replies; what is kept and how lives in lib/idempotency/.
 */
export async function withIdempotency(
  agentId: string,
  key: string | null,
  body: unknown,
  run: () => Promise<Reply>,
): Promise<Reply> {
  if (key === null) return run();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new WardenError('invalid_input', 'Idempotency-Key must be 1–255 visible ASCII characters.', {
      issues: [{ path: 'Idempotency-Key', message: 'invalid' }],
    });
  }
  const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
  if (!(await reserveIdempotencyKey(agentId, key, requestHash)))
    return replayIdempotentReply(agentId, key, requestHash);

  let reply: Reply;
  try {
    reply = await run();
  } catch (error) {
    reply = toErrorPayload(error);
  }
  await recordIdempotentReply(agentId, key, reply);
  return reply;
}
