import type { Sql } from '../db/engine';
import { prepareSql } from '../db/typed-sql';
import type { RiskColumns } from '../review/risk-columns';

export type NewAction = {
  id: string;
  agentId: string;
  toolId: string | null;
  toolName: string;
  params: string;
  paramsHash: string;
  reason: string | null;
  sources: string;
  requester: string | null;
  requesterVerified: boolean;
  traceId: string;
  status: string;
  approvalsRequired: number;
  approvedParamsHash: string | null;
  gateReasons: string;
  expiresAt: Date | null;
  /** JSON array of reviewer group ids that must each approve. */
  requiredGroups: string;
  assignedGroupId: string | null;
  currentValues: string | null;
} & RiskColumns;

const insertActionSql = prepareSql((db, a: NewAction & { now: Date }) =>
  db.insertInto('Action').values({
    id: a.id,
    agentId: a.agentId,
    toolId: a.toolId,
    toolName: a.toolName,
    params: a.params,
    paramsHash: a.paramsHash,
    reason: a.reason,
    sources: a.sources,
    requester: a.requester,
    requesterVerified: a.requesterVerified,
    traceId: a.traceId,
    status: a.status,
    approvalsRequired: a.approvalsRequired,
    approvedParamsHash: a.approvedParamsHash,
    gateReasons: a.gateReasons,
    expiresAt: a.expiresAt,
    requiredGroups: a.requiredGroups,
    assignedGroupId: a.assignedGroupId,
    currentValues: a.currentValues,
    riskFlags: a.riskFlags,
    riskMask: a.riskMask,
    riskWeight: a.riskWeight,
    riskVersion: a.riskVersion,
    createdAt: a.now,
    updatedAt: a.now,
  }),
);

/** The gate's one write of a new action, as a typed INSERT (hot path; see read-gate-row.ts), for the caller to run. */
export function insertActionStatement(action: NewAction): Sql {
  return insertActionSql({ ...action, now: new Date() });
}
