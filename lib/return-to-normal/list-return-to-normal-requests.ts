import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { effectiveRequestStatus, type RequestStatus } from '../policy/return-to-normal';
import { assertPerson } from './assert-person';
import { targetWhere, type ResolvedTarget } from './return-target';

export type ReturnRequestView = {
  id: string;
  /** As it reads now: a pending request past its expiry is expired. */
  status: RequestStatus;
  reason: string;
  requestedById: string | null;
  requestedBy: string | null;
  requestedAt: Date;
  expiresAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  singleAdmin: boolean;
};

/** A target's requests, newest first, with people by name. Reads only. */
export async function listReturnToNormalRequests(
  actor: Actor,
  target: ResolvedTarget,
  now = new Date(),
): Promise<ReturnRequestView[]> {
  assertPerson(actor);
  const rows = await db().returnToNormalRequest.findMany({
    where: targetWhere(target),
    orderBy: { requestedAt: 'desc' },
    take: 50,
  });
  const ids = [
    ...new Set(rows.flatMap((row) => [row.requestedById, row.decidedById]).filter((id): id is string => id !== null)),
  ];
  const names = new Map(
    (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((user) => [
      user.id,
      user.name,
    ]),
  );
  return rows.map((row) => ({
    id: row.id,
    status: effectiveRequestStatus(row, now),
    reason: row.reason,
    requestedById: row.requestedById,
    requestedBy: row.requestedById ? (names.get(row.requestedById) ?? null) : null,
    requestedAt: row.requestedAt,
    expiresAt: row.expiresAt,
    decidedBy: row.decidedById ? (names.get(row.decidedById) ?? null) : null,
    decidedAt: row.decidedAt,
    decisionNote: row.decisionNote,
    singleAdmin: row.singleAdmin,
  }));
}
