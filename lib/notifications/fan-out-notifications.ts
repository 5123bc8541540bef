import { randomUUID } from 'node:crypto';
import { db } from '../db/client';
import { decodeDate } from '../db/decode-row';
import { inTransaction, joinSql, runOutsideTransaction, sql, type SqlRunner } from '../db/sql-runner';
import type { AuditPayload } from '../audit/event-payloads';
import { readAuditPayload } from '../audit/read-audit-payload';
import { notificationBody, notificationSummary, type NotificationFacts } from './notification-message';
import { planGrantChangeDeliveries } from './plan-grant-change-deliveries';
import { planOversightDeliveries } from './plan-oversight-deliveries';
import type { ChannelKind, NotificationEvent } from './schemas';

export const NOTIFIER_CURSOR = 'notifier';
const BATCH = 200;
const LEASE_MS = 30_000;

/**
 * A hole in the sequence is usually a transaction still in flight on PostgreSQL (sequence numbers are taken at insert
 * but become visible at commit, so seq 11 can commit before seq 10). Stepping over it would lose seq 10's
 * notification, so the notifier waits at a hole; only a hole older than the grace period (default 10 s) is taken as a
 * rolled-back insert, which leaves a permanent gap, and passed. SQLite has no such holes (one writer; a rollback
 * returns its numbers).
 */
const gapsSeen = ((globalThis as unknown as { wardenNotifierGaps?: Map<number, number> }).wardenNotifierGaps ??=
  new Map());

export type AuditRow = {
  seq: number;
  at: Date;
  type: string;
  actorType: string;
  actorId: string | null;
  agentId: string | null;
  actionId: string | null;
  payload: string;
};
type Channel = { id: string; name: string; kind: string; groupId: string | null };
export type NewDelivery = {
  id: string;
  channelId: string;
  eventSeq: number;
  actionId: string | null;
  event: NotificationEvent;
  body: string;
};

/**
 * The notifier: reads the audit log after its cursor (the audit log is the outbox, so the gate's hot path writes
 * nothing extra) and queues one delivery per (event, channel) that wants it. Several instances may run this against
 * one PostgreSQL: a lease in WorkerCursor lets one at a time work, and the deliveries are created in the same
 * transaction as a compare-and-set of the cursor's position — an instance whose lease lapsed mid-batch loses that
 * race and its batch rolls back. The unique (channelId, eventSeq) is the last backstop.
 * Returns the number of deliveries queued, or null when another instance holds the lease.
 */
export async function fanOutNotifications(
  owner: string,
  options: { now?: Date; baseUrl: string; gapGraceMs: number },
): Promise<number | null> {
  const now = options.now ?? new Date();
  const cursor = await leaseCursor(owner, now);
  if (!cursor) return null;

  const events = await readEventsAfter(cursor.position);
  const ready = contiguousPrefix(cursor.position, events, now.getTime(), options.gapGraceMs);
  if (ready.length === 0) return 0;
  const position = ready.at(-1)!.seq;
  const deliveries = [
    ...(await plannedDeliveries(ready, options.baseUrl)),
    ...(await planGrantChangeDeliveries(ready, options.baseUrl)),
    ...(await planOversightDeliveries(ready, options.baseUrl)),
  ];

  try {
    // On the hot path's transaction (lib/db): on SQLite its commit is synced off the server's thread. Every tick with
    // new events moves the cursor, and a Prisma commit there would stop the server for its fsync once a second.
    await inTransaction(async (runner) => {
      const moved = await runner.execute(sql`
        UPDATE "WorkerCursor" SET "position" = ${position}, "leaseUntil" = ${new Date(Date.now() + LEASE_MS)}
        WHERE "id" = ${NOTIFIER_CURSOR} AND "leaseOwner" = ${owner} AND "position" = ${cursor.position}`);
      if (moved !== 1) throw new LostCursorError();
      await insertDeliveries(runner, deliveries, now);
    });
  } catch (error) {
    if (error instanceof LostCursorError) return null; // another instance took over and moved the cursor first
    throw error;
  }
  for (const seq of gapsSeen.keys()) if (seq <= position) gapsSeen.delete(seq);
  return deliveries.length;
}

class LostCursorError extends Error {}

/**
 * Creates the cursor on first use (at the log's current end: the notifier reports from its first start on), then
 * leases it. A lease still good for more than half its length is not renewed: an idle worker reads, it does not write
 * (on SQLite every write is an fsync).
 */
async function leaseCursor(owner: string, now: Date): Promise<{ position: number } | null> {
  let cursor = await db().workerCursor.findUnique({ where: { id: NOTIFIER_CURSOR } });
  if (!cursor) {
    await db().$executeRaw(sql`
      INSERT INTO "WorkerCursor" ("id", "position")
      SELECT CAST(${NOTIFIER_CURSOR} AS TEXT), COALESCE(MAX("seq"), 0) FROM "AuditEvent" WHERE 1 = 1 -- SQLite needs a WHERE before ON CONFLICT here
      ON CONFLICT ("id") DO NOTHING`);
    cursor = await db().workerCursor.findUniqueOrThrow({ where: { id: NOTIFIER_CURSOR } });
  }
  const held =
    cursor.leaseOwner === owner &&
    cursor.leaseUntil !== null &&
    cursor.leaseUntil.getTime() - now.getTime() > LEASE_MS / 2;
  if (held) return { position: cursor.position };
  const { count } = await db().workerCursor.updateMany({
    where: { id: NOTIFIER_CURSOR, OR: [{ leaseOwner: owner }, { leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (count !== 1) return null;
  return db().workerCursor.findUniqueOrThrow({ where: { id: NOTIFIER_CURSOR }, select: { position: true } });
}

/** The events that directly follow `position` with no hole, passing holes older than the grace period. */
export function contiguousPrefix<T extends { seq: number }>(
  position: number,
  events: T[],
  now: number,
  graceMs: number,
): T[] {
  const ready: T[] = [];
  let expected = position + 1;
  for (const event of events) {
    if (event.seq !== expected) {
      const firstSeen = gapsSeen.get(expected) ?? now;
      gapsSeen.set(expected, firstSeen);
      if (now - firstSeen < graceMs) break;
    }
    ready.push(event);
    expected = event.seq + 1;
  }
  return ready;
}

/** Which events notify whom: a proposal waiting for review, and an escalation (to the group it was handed to). */
async function plannedDeliveries(events: AuditRow[], baseUrl: string): Promise<NewDelivery[]> {
  const wanted = events.flatMap((event): { event: AuditRow; escalation: AuditPayload<'action.escalated'> | null }[] => {
    if (!event.actionId || (event.type !== 'gate.decided' && event.type !== 'action.escalated')) return [];
    const read = readAuditPayload(event.type, event.payload);
    if (read.unparsed) return [];
    if (read.type === 'gate.decided' && read.payload.outcome === 'pending_review') return [{ event, escalation: null }];
    if (read.type === 'action.escalated') return [{ event, escalation: read.payload }];
    return [];
  });
  if (wanted.length === 0) return [];

  const channels = await db().notificationChannel.findMany({
    where: { enabled: true },
    select: { id: true, name: true, kind: true, groupId: true },
  });
  if (channels.length === 0) return [];
  const actionIds = [...new Set(wanted.map(({ event }) => event.actionId!))];
  const [actions, groups] = await Promise.all([
    db().action.findMany({
      where: { id: { in: actionIds } },
      select: {
        id: true,
        toolName: true,
        params: true,
        assignedGroupId: true,
        escalationLevel: true,
        agent: { select: { id: true, name: true } },
        tool: { select: { summaryTemplate: true, sensitiveFields: true } },
      },
    }),
    db().reviewerGroup.findMany({ select: { id: true, name: true } }),
  ]);
  const actionById = new Map(actions.map((action) => [action.id, action]));
  const group = (id: string | null | undefined) => (id ? (groups.find((g) => g.id === id) ?? null) : null);

  const deliveries: NewDelivery[] = [];
  for (const { event, escalation } of wanted) {
    const action = actionById.get(event.actionId!);
    if (!action) continue;
    const escalated = escalation !== null;
    const target = escalated ? group(escalation.toGroupId) : group(action.assignedGroupId);
    if (escalated && !target) continue;
    const facts: Omit<NotificationFacts, 'channelName'> = {
      event: escalated ? 'escalated' : 'review_requested',
      eventSeq: event.seq,
      occurredAt: event.at,
      action: {
        id: action.id,
        url: `${baseUrl}/actions/${encodeURIComponent(action.id)}`,
        tool: action.toolName,
        summary: notificationSummary(action.tool, action.toolName, action.params),
        agent: action.agent,
        group: target,
        escalationLevel: escalation?.level ?? action.escalationLevel,
      },
      escalation: escalated
        ? {
            fromGroup: group(escalation.fromGroupId)?.name ?? null,
            toGroup: target!.name,
            level: escalation.level ?? null,
            automatic: escalation.automatic,
            note: null, // a reviewer's note may say anything; receivers follow the link to read it
          }
        : null,
    };
    for (const channel of channels.filter((c) => listensTo(c, target?.id ?? null))) {
      deliveries.push({
        id: randomUUID(),
        channelId: channel.id,
        eventSeq: event.seq,
        actionId: action.id,
        event: facts.event,
        body: notificationBody(channel.kind as ChannelKind, { ...facts, channelName: channel.name }),
      });
    }
  }
  return deliveries;
}

/** A channel of every group hears everything; a group's channel hears what is addressed to that group. */
function listensTo(channel: Channel, groupId: string | null): boolean {
  return channel.groupId === null || channel.groupId === groupId;
}

/**
 * The batch after the cursor, read on the hot path's reader (on SQLite the worker thread's connection): a batch is up
 * to 200 events with their payloads each second under load, which Prisma would read and map on the server's thread.
 */
async function readEventsAfter(position: number): Promise<AuditRow[]> {
  const rows = await runOutsideTransaction((runner) =>
    runner.query<Omit<AuditRow, 'seq' | 'at'> & { seq: unknown; at: unknown }>(sql`
      SELECT "seq", "at", "type", "actorType", "actorId", "agentId", "actionId", "payload"
      FROM "AuditEvent" WHERE "seq" > ${position} ORDER BY "seq" LIMIT ${BATCH}`),
  );
  return rows.map((row) => ({ ...row, seq: Number(row.seq), at: decodeDate(row.at) }));
}

async function insertDeliveries(runner: SqlRunner, deliveries: NewDelivery[], now: Date): Promise<void> {
  for (let i = 0; i < deliveries.length; i += 100) {
    const rows = deliveries
      .slice(i, i + 100)
      .map(
        (d) =>
          sql`(${d.id}, ${d.channelId}, ${d.eventSeq}, ${d.actionId}, ${d.event}, ${d.body}, 'pending', 0, ${now}, ${now})`,
      );
    await runner.execute(sql`
      INSERT INTO "NotificationDelivery" ("id", "channelId", "eventSeq", "actionId", "event", "body", "status", "attempts", "nextAttemptAt", "createdAt")
      VALUES ${joinSql(rows)}
      ON CONFLICT ("channelId", "eventSeq") DO NOTHING`);
  }
}
