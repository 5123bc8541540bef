import { decodeRows, type ColumnKinds } from '../db/decode-row';
import type { SqlRunner } from '../db/sql-runner';
import { prepareSql, type QueryBuilder, type RowOf } from '../db/typed-sql';
import type { GrantRow } from '../grants/to-grant-policy';

/**
 * Everything the gate reads about one (agent, tool) pair in ONE query: the global stop, the agent, the tool and the
 * grant. The gate runs on every proposal, and Prisma's model queries cost far more per call than a raw statement
 * (see docs/BENCHMARKS.md), so the hot path reads with SQL: typed from the schema (lib/db/typed-sql.ts), portable
 * between SQLite and PostgreSQL.
 */
export type GateRow = {
  globalStop: boolean;
  globalStopReason: string;
  agent: {
    id: string;
    status: string;
    mode: string;
    environment: string;
    requesterKey: string | null;
    requesterIssuer: string | null;
  };
  tool: {
    id: string;
    name: string;
    actionLevel: string;
    enabled: boolean;
    parameters: string;
    sensitiveFields: string[];
  } | null;
  grant: GrantRow | null;
};

/** Which agent: by id, or by the hash of a key it holds (a key belongs to one agent for its whole life). */
export type AgentLookup = { id: string } | { keyHash: string };

/**
 * The columns of a gate row, for any query that joins the agent as `a`, the tool as `t` and the grant as `g` (the
 * gate's, by tool name; a claim's, by the action's tool: lib/actions/read-claim-facts.ts), with the global stop's
 * two subselects beside them.
 */
export const GATE_COLUMNS = [
  'a.id as agentId',
  'a.status',
  'a.mode',
  'a.environment',
  'a.requesterKey',
  'a.requesterIssuer',
  't.id as toolId',
  't.name as toolName',
  't.actionLevel',
  't.enabled',
  't.parameters',
  't.sensitiveFields',
  'g.id as grantId',
  'g.approvals',
  'g.constraints',
  'g.rateLimitCount',
  'g.rateLimitWindowSeconds',
  'g.maxCallsPerTrace',
  'g.maxPending',
  'g.expiresAt',
  'g.environment as grantEnvironment',
  'g.requireReason',
  'g.requester as grantRequester',
  'g.loopMaxRepeats',
  'g.loopWindowSeconds',
  'g.loopPauseAgent',
  'g.reviewTimeoutMinutes',
  'g.ownerMayApprove',
  'g.requiredGroups',
  'g.reviewGroupId',
] as const;

/** The gate row's query, before it says which agent: the tool by name, the agent's grant of it, the global stop. */
function gateRowQuery(db: QueryBuilder, toolName: string) {
  return db
    .selectFrom('Agent as a')
    .leftJoin('Tool as t', (join) => join.on('t.name', '=', toolName))
    .leftJoin('Grant as g', (join) => join.onRef('g.agentId', '=', 'a.id').onRef('g.toolId', '=', 't.id'))
    .select((eb) => [
      eb.selectFrom('Switch as s').select('s.engaged').where('s.id', '=', 'global_stop').as('globalStop'),
      eb.selectFrom('Switch as s').select('s.reason').where('s.id', '=', 'global_stop').as('globalStopReason'),
    ])
    .select(GATE_COLUMNS);
}

const gateRowSql = prepareSql((db, p: { agentId: string; toolName: string }) =>
  gateRowQuery(db, p.toolName).where('a.id', '=', p.agentId),
);

// The agent whose key has this hash, for a read issued before the key is checked (lib/gate/prefetch-gate-inputs.ts).
const gateRowOfKeySql = prepareSql((db, p: { keyHash: string; toolName: string }) =>
  gateRowQuery(db, p.toolName).innerJoin('AgentKey as k', 'k.agentId', 'a.id').where('k.hash', '=', p.keyHash),
);

/** A gate row as the database sends it. */
export type GateColumnsRow = RowOf<typeof gateRowSql>;

/** The Date and boolean columns of a gate row, for the decoder. */
export const GATE_COLUMN_KINDS = {
  globalStop: 'boolean',
  enabled: 'boolean',
  requireReason: 'boolean',
  loopPauseAgent: 'boolean',
  ownerMayApprove: 'boolean',
  expiresAt: 'date',
} as const satisfies ColumnKinds<GateColumnsRow>;

/** The gate row of an agent, by its id or by the hash of a key it holds. */
export async function readGateRow(runner: SqlRunner, agent: AgentLookup, toolName: string): Promise<GateRow | null> {
  const statement =
    'keyHash' in agent
      ? gateRowOfKeySql({ keyHash: agent.keyHash, toolName })
      : gateRowSql({ agentId: agent.id, toolName });
  const [row] = decodeRows<GateColumnsRow>(await runner.query(statement), GATE_COLUMN_KINDS);
  return row ? toGateRow(row) : null;
}

/** A decoded gate row in the shape the gate's facts take. */
export function toGateRow(row: GateColumnsRow): GateRow {
  return {
    // No row for the switch reads as engaged: when Warden cannot tell, it stops (fail closed).
    globalStop: row.globalStop ?? true,
    globalStopReason: row.globalStopReason ?? '',
    agent: {
      id: row.agentId,
      status: row.status,
      mode: row.mode,
      environment: row.environment,
      requesterKey: row.requesterKey,
      requesterIssuer: row.requesterIssuer,
    },
    tool:
      row.toolId === null
        ? null
        : {
            id: row.toolId,
            name: row.toolName!,
            actionLevel: row.actionLevel!,
            enabled: row.enabled!,
            parameters: row.parameters!,
            sensitiveFields: JSON.parse(row.sensitiveFields!) as string[],
          },
    grant:
      row.grantId === null
        ? null
        : {
            approvals: row.approvals!,
            constraints: row.constraints!,
            rateLimitCount: row.rateLimitCount,
            rateLimitWindowSeconds: row.rateLimitWindowSeconds,
            maxCallsPerTrace: row.maxCallsPerTrace,
            maxPending: row.maxPending,
            expiresAt: row.expiresAt,
            environment: row.grantEnvironment!,
            requireReason: row.requireReason!,
            requester: row.grantRequester,
            loopMaxRepeats: row.loopMaxRepeats,
            loopWindowSeconds: row.loopWindowSeconds,
            loopPauseAgent: row.loopPauseAgent!,
            reviewTimeoutMinutes: row.reviewTimeoutMinutes ?? 60,
            ownerMayApprove: row.ownerMayApprove!,
            requiredGroups: row.requiredGroups ?? '[]',
            reviewGroupId: row.reviewGroupId,
          },
  };
}
