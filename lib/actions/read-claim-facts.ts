import { decodeRows } from '../db/decode-row';
import type { SqlRunner } from '../db/sql-runner';
import { prepareSql, type RowOf } from '../db/typed-sql';
import { GATE_COLUMN_KINDS, GATE_COLUMNS, toGateRow, type GateRow } from '../gate/read-gate-row';

/**
 * What a claim checks, in ONE query inside the claim's transaction: the action as its agent sees it (status and the
 * hashes an approval binds), and the gate's row for its agent and tool (the global stop, the agent, the tool by the
 * action's own tool id, the grant) — the same columns the gate reads at proposal time, so a claim re-checks exactly
 * what the gate decided on. Claims run once per executed action, on the agent's hot path.
 */
export type ClaimFacts = {
  action: { status: string; paramsHash: string; approvedParamsHash: string | null };
  gate: GateRow;
};

const claimFactsSql = prepareSql((db, p: { actionId: string; agentId: string }) =>
  db
    .selectFrom('Action as x')
    .innerJoin('Agent as a', 'a.id', 'x.agentId')
    .leftJoin('Tool as t', 't.id', 'x.toolId')
    .leftJoin('Grant as g', (join) => join.onRef('g.agentId', '=', 'a.id').onRef('g.toolId', '=', 't.id'))
    .select((eb) => [
      eb.selectFrom('Switch as s').select('s.engaged').where('s.id', '=', 'global_stop').as('globalStop'),
      eb.selectFrom('Switch as s').select('s.reason').where('s.id', '=', 'global_stop').as('globalStopReason'),
    ])
    .select(GATE_COLUMNS)
    .select(['x.status as actionStatus', 'x.paramsHash', 'x.approvedParamsHash'])
    .where('x.id', '=', p.actionId)
    .where('x.agentId', '=', p.agentId),
);

/** Null when the agent has no such action. */
export async function readClaimFacts(runner: SqlRunner, actionId: string, agentId: string): Promise<ClaimFacts | null> {
  const [row] = decodeRows<RowOf<typeof claimFactsSql>>(
    await runner.query(claimFactsSql({ actionId, agentId })),
    GATE_COLUMN_KINDS,
  );
  if (!row) return null;
  return {
    action: { status: row.actionStatus, paramsHash: row.paramsHash, approvedParamsHash: row.approvedParamsHash },
    gate: toGateRow(row),
  };
}
