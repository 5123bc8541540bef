import { assertCan, type Actor } from '../auth/actor';
import { toActionView, type ActionView } from '../actions/action-view';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { listRollbacksQuerySchema } from './schemas';

const LIMIT = 100;

/**
 * The agent's rollback actions (compensations Warden proposed for it), oldest first so it runs them in order:
 * `status: 'approved'` is its to-do list (claim, run, report like any other action). Also the domain half of
 * `GET /api/v1/actions?kind=rollback` (the list endpoint wires it).
 */
export async function listRollbackActions(
  actor: Actor,
  query: { status?: string } = {},
): Promise<{ actions: ActionView[] }> {
  assertCan(actor, 'actions.read_own');
  if (actor.type !== 'agent') throw new WardenError('forbidden', 'Only an agent lists its rollbacks here.');
  const { status } = listRollbacksQuerySchema.parse(query);
  const rows = await db().action.findMany({
    where: { agentId: actor.id, rollbackOfId: { not: null }, ...(status && { status }) },
    include: { reviewer: { select: { id: true, email: true, name: true } } },
    orderBy: { id: 'asc' },
    take: LIMIT,
  });
  return { actions: rows.map((row) => toActionView(row)) };
}
