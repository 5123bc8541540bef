import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';

/**
 * A reviewer who may decide opened a pending action's card: recorded once per reviewer and action (the first open
 * is where their review clock starts, lib/analytics/summarize-decisions.ts). Called explicitly by the card once it
 * is on screen, never by the page's render: reads never write. Nothing is recorded for a decided action. The check
 * and the insert share a transaction (serialized on SQLite); should two tabs race on PostgreSQL, analytics reads the
 * earliest open, so a second row changes no number.
 */
export async function recordActionOpened(actor: Actor, input: { actionId: string }): Promise<{ recorded: boolean }> {
  assertCan(actor, 'actions.decide');
  if (actor.type !== 'user') throw new WardenError('forbidden', 'Only a signed-in reviewer opens actions.');
  const { actionId } = input;
  const earlierOpen = { actionId, type: 'action.opened', actorType: 'user', actorId: actor.id };
  // Most card views are not the first: answer those with a read, without taking the write lock.
  if (await db().auditEvent.findFirst({ where: earlierOpen, select: { seq: true } })) return { recorded: false };
  return db().$transaction(async (tx) => {
    const action = await tx.action.findUnique({ where: { id: actionId }, select: { agentId: true, status: true } });
    if (!action) throw new WardenError('not_found', 'No such action.');
    if (action.status !== 'pending_review') return { recorded: false };
    if (await tx.auditEvent.findFirst({ where: earlierOpen, select: { seq: true } })) return { recorded: false };
    await recordAuditEvent(tx, { actor, actionId, agentId: action.agentId, type: 'action.opened', payload: {} });
    return { recorded: true };
  });
}
