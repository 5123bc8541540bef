import { auditActor, type Actor } from '../auth/actor';
import type { Tx } from '../db/client';
import type { AuditEventType, AuditPayloads } from './event-types';

export type AuditEventInput<T extends AuditEventType> = {
  actor: Actor;
  type: T;
  payload: AuditPayloads[T];
  actionId?: string | null;
  agentId?: string | null;
};

/**
 * Writes one audit event inside the caller's transaction: if the event cannot be written, the change it
 * records is rolled back with it. Never pass secrets in a payload.
 */
export async function recordAuditEvent<T extends AuditEventType>(tx: Tx, event: AuditEventInput<T>): Promise<void> {
  await tx.auditEvent.create({
    data: {
      ...auditActor(event.actor),
      type: event.type,
      actionId: event.actionId ?? null,
      agentId: event.agentId ?? null,
      payload: JSON.stringify(event.payload),
    },
  });
}
