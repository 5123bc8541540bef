import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';
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
 * Another agent's actions never appear.
 */
export async function listAgentActions(actor: Actor, input: ListAgentActionsInput): Promise<{ actions: AgentActionListItem[]; nextCursor: string | null }> {
  assertCan(actor, 'actions.read_own');
  if (actor.type !== 'agent') throw new WardenError('forbidden', 'Only an agent lists its actions here.');
  const { status, after, limit } = listAgentActionsSchema.parse(input);
  const rows = await db().action.findMany({
    where: { agentId: actor.id, status, ...(after ? { id: { lt: after } } : {}) },
    orderBy: { id: 'desc' },
    take: limit + 1,
    select: { id: true, toolName: true, status: true, createdAt: true, draftFate: true, promotedActionId: true, promotedFromId: true },
  });
  const page = rows.slice(0, limit);
  return {
    actions: page.map((row) => ({
      id: row.id, tool: row.toolName, status: row.status, createdAt: row.createdAt.toISOString(),
      fate: row.draftFate, promotedActionId: row.promotedActionId, promotedFromId: row.promotedFromId,
    })),
    nextCursor: rows.length > limit ? page.at(-1)!.id : null,
  };
}
