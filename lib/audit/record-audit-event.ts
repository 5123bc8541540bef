import { auditActor, type Actor } from '../auth/actor';
import type { Tx } from '../db/client';
import { joinSql, prismaRunner, sql, type SqlRunner } from '../db/sql-runner';
import type { AuditEventType, AuditPayloads } from './event-types';

export type AuditEventInput<T extends AuditEventType> = {
  actor: Actor;
  type: T;
  payload: AuditPayloads[T];
  actionId?: string | null;
  agentId?: string | null;
};

/**
 * Writes audit events inside the caller's transaction: if they cannot be written, the change they record is rolled
 * back with them. One raw multi-row INSERT (the gate writes two events per proposal; see read-gate-row.ts for why
 * raw). Never pass secrets in a payload.
 */
export async function recordAuditEvents(runner: SqlRunner, events: AuditEventInput<AuditEventType>[]): Promise<void> {
  if (events.length === 0) return;
  await runner.execute(auditEventsStatement(events));
}

/** The same INSERT as a statement, for a caller that sends it with others (e.g. as a transaction's last write). */
export function auditEventsStatement(events: AuditEventInput<AuditEventType>[]): ReturnType<typeof sql> {
  if (events.length === 0) throw new Error('no audit events to record');
  const at = new Date();
  const rows = events.map((event) => {
    const { actorType, actorId } = auditActor(event.actor);
    return sql`(${at}, ${actorType}, ${actorId}, ${event.actionId ?? null}, ${event.agentId ?? null}, ${event.type}, ${JSON.stringify(event.payload)})`;
  });
  return sql`INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "actionId", "agentId", "type", "payload") VALUES ${joinSql(rows)}`;
}

export async function recordAuditEvent<T extends AuditEventType>(tx: Tx, event: AuditEventInput<T>): Promise<void> {
  await recordAuditEvents(prismaRunner(tx), [event as AuditEventInput<AuditEventType>]);
}

/** One event, returning its sequence number (for rows that point at the event that caused them). */
export async function recordAuditEventReturningSeq<T extends AuditEventType>(
  tx: Tx,
  event: AuditEventInput<T>,
): Promise<number> {
  const { actorType, actorId } = auditActor(event.actor);
  const rows = await tx.$queryRaw<{ seq: number | bigint }[]>(sql`
    INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "actionId", "agentId", "type", "payload")
    VALUES (${new Date()}, ${actorType}, ${actorId}, ${event.actionId ?? null}, ${event.agentId ?? null}, ${event.type}, ${JSON.stringify(event.payload)})
    RETURNING "seq"`);
  return Number(rows[0].seq);
}
