import { decodeRows } from '../db/decode-row';
import { runOutsideTransaction } from '../db/sql-runner';
import { prepareSql, type RowOf } from '../db/typed-sql';
import { WardenError } from '../errors';
import type { IdempotentReply } from './idempotent-reply';

/** A proposal is answered in well under a second; a key still "running" after this lost its outcome. */
const LOST_AFTER_MS = 5 * 60_000;

const storedRecordSql = prepareSql((db, p: { agentId: string; key: string }) =>
  db
    .selectFrom('IdempotencyRecord')
    .select(['requestHash', 'state', 'statusCode', 'responseBody', 'createdAt'])
    .where('agentId', '=', p.agentId)
    .where('key', '=', p.key),
);

/**
 * The reply kept under a key already used: the same body replays it; another body → 422; a first request still
 * running → 409. Reads only.
 */
export async function replayIdempotentReply(
  agentId: string,
  key: string,
  requestHash: string,
): Promise<IdempotentReply> {
  const [record] = decodeRows<RowOf<typeof storedRecordSql>>(
    await runOutsideTransaction((runner) => runner.query(storedRecordSql({ agentId, key }))),
    { createdAt: 'date' },
  );
  if (!record) throw new WardenError('conflict', 'A request with this Idempotency-Key just failed; retry it.');
  if (record.requestHash !== requestHash) {
    throw new WardenError('invalid_input', 'This Idempotency-Key was used with a different request body.', {
      issues: [{ path: 'Idempotency-Key', message: 'reused with another body' }],
    });
  }
  if (record.state !== 'done' || record.statusCode === null || record.responseBody === null) {
    // The first request may have taken effect while its answer was never recorded (the server failed in between):
    // running it again could do it twice, so the key stays refused, with a message that says so (fail closed).
    const began = record.createdAt;
    if (Date.now() - began.getTime() > LOST_AFTER_MS) {
      throw new WardenError(
        'conflict',
        `The request with this Idempotency-Key began at ${began.toISOString()} and its outcome was never recorded, so whether it took effect is unknown. Check the agent's recent actions in the console before retrying with a new Idempotency-Key.`,
      );
    }
    throw new WardenError('conflict', 'A request with this Idempotency-Key is still being processed.');
  }
  return { status: Number(record.statusCode), body: JSON.parse(record.responseBody) as unknown, replayed: true };
}
