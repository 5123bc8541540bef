import { assertCan, type Actor } from '../auth/actor';
import type { AuditPayloadInput } from '../audit/event-payloads';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';

/**
 * Records, in the database just restored, that it was restored: the event is the first thing written after the
 * backup's last event, so the log itself says where its history jumps. The sealer chains it like any other event.
 */
export async function recordDatabaseRestored(
  actor: Actor,
  details: AuditPayloadInput<'database.restored'>,
): Promise<void> {
  assertCan(actor, 'database.restore');
  await db().$transaction((tx) => recordAuditEvent(tx, { actor, type: 'database.restored', payload: details }));
}
