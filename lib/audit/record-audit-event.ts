import { auditActor, type Actor } from '../auth/actor';
import type { Tx } from '../db/client';
import { CHANGE_CHANNEL } from '../db/engine';
import { databaseTarget } from '../env';
import { joinSql, prismaRunner, sql, type SqlRunner } from '../db/sql-runner';
import type { AuditPayloadInput } from './event-payloads';
import type { AuditEventType } from './event-types';

/**
 * One event to record. A union over the event types, so each payload is checked against its own type's schema by tsc,
 * also in an array of events of several types. Payloads are not parsed on write: the gate writes on every proposal,
 * the type check covers every writer, and the schema table test proves each writer's real payload parses.
 */
export type AuditEventInput<T extends AuditEventType = AuditEventType> = {
  [K in T]: {
    actor: Actor;
    type: K;
    payload: AuditPayloadInput<K>;
    actionId?: string | null;
    agentId?: string | null;
  };
}[T];

/**
 * Writes audit events inside the caller's transaction: if they cannot be written, the change they record is rolled
 * back with them. One raw multi-row INSERT (the gate writes two events per proposal; see read-gate-row.ts for why
 * raw). Never pass secrets in a payload.
 */
export async function recordAuditEvents(runner: SqlRunner, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await runner.execute(auditEventsStatement(events));
}

/** The same INSERT as a statement, for a caller that sends it with others (e.g. as a transaction's last write). */
export function auditEventsStatement(events: AuditEventInput[]): ReturnType<typeof sql> {
  if (events.length === 0) throw new Error('no audit events to record');
  const at = new Date();
  const rows = events.map((event) => {
    const { actorType, actorId } = auditActor(event.actor);
    return sql`(${at}, ${actorType}, ${actorId}, ${event.actionId ?? null}, ${event.agentId ?? null}, ${event.type}, ${JSON.stringify(event.payload)})`;
  });
  const insert = sql`INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "actionId", "agentId", "type", "payload") VALUES ${joinSql(rows)}`;
  return announced(insert);
}

/**
 * On PostgreSQL every audit event is announced to the other app instances (lib/realtime/) by pg_notify in the same
 * statement, hence the same transaction: delivered at its commit, never for a rollback. Ids and kinds only. The
 * statement then counts one row per event, as the INSERT alone does.
 */
function announced(insert: ReturnType<typeof sql>, returningSeq = false): ReturnType<typeof sql> {
  if (databaseTarget().provider !== 'postgresql') return returningSeq ? sql`${insert} RETURNING "seq"` : insert;
  // As text: pg_notify returns void, which Prisma cannot read back.
  const notice = sql`pg_notify(${CHANGE_CHANNEL}, "seq" || ':' || "type" || ':' || COALESCE("actionId", ''))::text AS "notified"`;
  return sql`WITH "e" AS (${insert} RETURNING "seq", "type", "actionId")
    SELECT ${returningSeq ? sql`"seq", ${notice}` : notice} FROM "e"`;
}

export async function recordAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await recordAuditEvents(prismaRunner(tx), [event]);
}

/** One event, returning its sequence number (for rows that point at the event that caused them). */
export async function recordAuditEventReturningSeq(tx: Tx, event: AuditEventInput): Promise<number> {
  const { actorType, actorId } = auditActor(event.actor);
  const insert = sql`
    INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "actionId", "agentId", "type", "payload")
    VALUES (${new Date()}, ${actorType}, ${actorId}, ${event.actionId ?? null}, ${event.agentId ?? null}, ${event.type}, ${JSON.stringify(event.payload)})`;
  const rows = await tx.$queryRaw<{ seq: number | bigint }[]>(announced(insert, true));
  const [row] = rows;
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return Number(row.seq);
}
