import type { Prisma } from '../generated/sqlite/client';

/**
 * What the audit log can be narrowed to. Every field is a SQL predicate (no filtering after the fact), so a count and
 * keyset pages stay exact and cheap: a one-day window of one agent reads through the (agentId, at) index.
 */
export type AuditEventFilter = {
  agentId?: string;
  /** A whole action id, or any start or end of one (UUIDv7 ids share their start within a millisecond; the end tells them apart). */
  actionId?: string;
  /** One event type ("action.approved"), or a whole group as "action.*". */
  type?: string;
  /** "user:<id>", "agent:<id>", "cli" or "system". */
  actor?: string;
  /** The action's tool, as the agent named it. */
  tool?: string;
  traceId?: string;
  /** The action's current status (what came of it). */
  outcome?: string;
  /** Inclusive bounds on the event time. */
  from?: Date;
  to?: Date;
};

const WHOLE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function auditEventWhere(filter: AuditEventFilter): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.agentId) and.push({ agentId: filter.agentId });
  if (filter.actionId) {
    const id = filter.actionId.toLowerCase();
    and.push(
      WHOLE_ID.test(id) ? { actionId: id } : { OR: [{ actionId: { startsWith: id } }, { actionId: { endsWith: id } }] },
    );
  }
  if (filter.type)
    and.push(filter.type.endsWith('.*') ? { type: { startsWith: filter.type.slice(0, -1) } } : { type: filter.type });
  if (filter.actor) {
    const [actorType, ...rest] = filter.actor.split(':');
    const actorId = rest.join(':');
    and.push(actorId ? { actorType, actorId } : { actorType });
  }
  const action: Prisma.ActionWhereInput = {
    ...(filter.tool ? { toolName: filter.tool } : {}),
    ...(filter.traceId ? { traceId: filter.traceId } : {}),
    ...(filter.outcome ? { status: filter.outcome } : {}),
  };
  if (Object.keys(action).length > 0) and.push({ action: { is: action } });
  if (filter.from || filter.to)
    and.push({ at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } });
  return and.length > 0 ? { AND: and } : {};
}
