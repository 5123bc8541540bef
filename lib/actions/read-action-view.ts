import { decodeRows } from '../db/decode-row';
import type { SqlRunner } from '../db/sql-runner';
import { prepareSql, type RowOf } from '../db/typed-sql';
import { toActionView, type ActionView } from './action-view';

/**
 * The agent's view of one of its actions (lib/actions/action-view.ts) in one typed query on any runner: the claim
 * and the result answer with it from their own transaction, on the agent's hot path.
 */
const actionViewSql = prepareSql((db, p: { actionId: string }) =>
  db
    .selectFrom('Action as x')
    .leftJoin('User as u', 'u.id', 'x.reviewerId')
    .select([
      'x.id',
      'x.agentId',
      'x.toolName',
      'x.params',
      'x.editedParams',
      'x.paramsVersion',
      'x.reason',
      'x.sources',
      'x.requester',
      'x.requesterVerified',
      'x.traceId',
      'x.paramsHash',
      'x.approvalsRequired',
      'x.status',
      'x.gateReasons',
      'x.decisionReason',
      'x.decidedAt',
      'x.result',
      'x.downstreamRef',
      'x.createdAt',
      'x.updatedAt',
      'x.rollbackOfId',
      'u.id as reviewerUserId',
      'u.name as reviewerName',
    ])
    .where('x.id', '=', p.actionId),
);

export type ActionViewRow = RowOf<typeof actionViewSql>;

/** The view and the row's agent and times (for what the caller adds to the answer); null if there is no such action. */
export async function readActionView(
  runner: SqlRunner,
  actionId: string,
): Promise<{ view: ActionView; row: ActionViewRow } | null> {
  const [row] = decodeRows<ActionViewRow>(await runner.query(actionViewSql({ actionId })), {
    requesterVerified: 'boolean',
    decidedAt: 'date',
    createdAt: 'date',
    updatedAt: 'date',
  });
  if (!row) return null;
  const reviewer =
    row.reviewerUserId === null ? null : { id: row.reviewerUserId, name: row.reviewerName ?? row.reviewerUserId };
  return { view: toActionView({ ...row, reviewer }), row };
}
