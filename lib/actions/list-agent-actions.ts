import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { readEffectiveStatuses } from './read-effective-statuses';
import { listAgentActionsSchema, type ListAgentActionsInput } from './schemas';

export type AgentActionListItem = {
  id: string;
  tool: string;
  status: string;
  createdAt: string;
  /** A draft's fate: null while undecided, 'promoted' or 'discarded'; null for every other status. */
  fate: string | null;
  /** The pending action a promoted draft became. */
  promotedActionId: string | null;
  /** The draft this action was promoted from. */
  promotedFromId: string | null;
};

/**
 * An agent lists its own actions of one status, newest first, a page at a time: ids are time-ordered (UUIDv7), so
 * `after` (the last id of the previous page) is the keyset and the (agentId, status) index serves the read.
 * Another agent's actions never appear. Reads only.
 */
export async function listAgentActions(
  actor: Actor,
  input: ListAgentActionsInput,
): Promise<{ actions: AgentActionListItem[]; nextCursor: string | null }> {
  assertCan(actor, 'actions.read_own');
  if (actor.type !== 'agent') throw new WardenError('forbidden', 'Only an agent lists its actions here.');
  const { status, after, limit } = listAgentActionsSchema.parse(input);
  const now = new Date();
  // Statuses as they read (lib/policy/effective-status.ts): "expired" includes pending actions past their deadline
  // that the job has not committed yet, and "pending_review" leaves them out; frozen ones stay pending.
  const stored =
    status === 'expired' ? { OR: [{ status }, { status: 'pending_review', expiresAt: { lte: now } }] } : { status };
  const rows = await db().action.findMany({
    where: { agentId: actor.id, ...stored, ...(after ? { id: { lt: after } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
    select: {
      id: true,
      agentId: true,
      toolName: true,
      status: true,
      createdAt: true,
      expiresAt: true,
      draftFate: true,
      promotedActionId: true,
      promotedFromId: true,
    },
  });
  const page = rows.slice(0, limit);
  const statuses = await readEffectiveStatuses(db(), page, now.getTime());
  const shown = page.map((row, i) => ({ row, status: statuses[i]! }));
  return {
    // The cursor is the last row read, so a page with an action filtered out here may be shorter than `limit`.
    actions: shown
      .filter((item) => item.status === status)
      .map(({ row, status: shownStatus }) => ({
        id: row.id,
        tool: row.toolName,
        status: shownStatus,
        createdAt: row.createdAt.toISOString(),
        fate: row.draftFate,
        promotedActionId: row.promotedActionId,
        promotedFromId: row.promotedFromId,
      })),
    nextCursor: rows.length > limit ? page.at(-1)!.id : null,
  };
}
