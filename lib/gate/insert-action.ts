import { sql } from '../db/sql-runner';
import type { RiskColumns } from '../review/risk-columns';

type Sql = ReturnType<typeof sql>;

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

/** The gate's one write of a new action, as a raw INSERT (hot path; see read-gate-row.ts), for the caller to run. */
export function insertActionStatement(a: NewAction): Sql {
  const now = new Date();
  return sql`
    INSERT INTO "Action" ("id", "agentId", "toolId", "toolName", "params", "paramsHash", "reason", "sources", "requester",
      "requesterVerified", "traceId", "status", "approvalsRequired", "approvedParamsHash", "gateReasons", "expiresAt", "requiredGroups", "assignedGroupId", "currentValues",
      "riskFlags", "riskMask", "riskWeight", "riskVersion", "createdAt", "updatedAt")
    VALUES (${a.id}, ${a.agentId}, ${a.toolId}, ${a.toolName}, ${a.params}, ${a.paramsHash}, ${a.reason}, ${a.sources}, ${a.requester},
      ${a.requesterVerified}, ${a.traceId}, ${a.status}, ${a.approvalsRequired}, ${a.approvedParamsHash}, ${a.gateReasons}, ${a.expiresAt}, ${a.requiredGroups}, ${a.assignedGroupId}, ${a.currentValues},
      ${a.riskFlags}, ${a.riskMask}, ${a.riskWeight}, ${a.riskVersion}, ${now}, ${now})`;
}
