import { rawBool as bool, rawDate as date, rawInt as int, rawText as text } from '../db/raw-values';
import { sql, type SqlRunner } from '../db/sql-runner';
import type { GrantRow } from '../grants/to-grant-policy';

/**
 * Everything the gate reads about one (agent, tool) pair in ONE query: the global stop, the agent, the tool and the
 * grant. The gate runs on every proposal, and Prisma's model queries cost far more per call than a raw statement
 * (see docs/BENCHMARKS.md), so the hot path reads with SQL. Portable between SQLite and PostgreSQL.
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

type Raw = Record<string, unknown>;

export async function readGateRow(runner: SqlRunner, agentId: string, toolName: string): Promise<GateRow | null> {
  const rows = await runner.query<Raw>(sql`
    SELECT
      (SELECT s."engaged" FROM "Switch" s WHERE s."id" = 'global_stop') AS "globalStop",
      (SELECT s."reason" FROM "Switch" s WHERE s."id" = 'global_stop') AS "globalStopReason",
      a."id" AS "agentId", a."status", a."mode", a."environment", a."requesterKey", a."requesterIssuer",
      t."id" AS "toolId", t."name" AS "toolName", t."actionLevel", t."enabled", t."parameters", t."sensitiveFields",
      g."id" AS "grantId", g."approvals", g."constraints", g."rateLimitCount", g."rateLimitWindowSeconds",
      g."maxCallsPerTrace", g."maxPending", g."expiresAt", g."environment" AS "grantEnvironment", g."requireReason",
      g."requester" AS "grantRequester", g."loopMaxRepeats", g."loopWindowSeconds", g."loopPauseAgent",
      g."reviewTimeoutMinutes", g."ownerMayApprove", g."requiredGroups", g."reviewGroupId"
    FROM "Agent" a
    LEFT JOIN "Tool" t ON t."name" = ${toolName}
    LEFT JOIN "Grant" g ON g."agentId" = a."id" AND g."toolId" = t."id"
    WHERE a."id" = ${agentId}`);
  const row = rows[0];
  if (!row) return null;
  return {
    // No row for the switch reads as engaged: when Warden cannot tell, it stops (fail closed).
    globalStop: row.globalStop === null || row.globalStop === undefined ? true : bool(row.globalStop),
    globalStopReason: text(row.globalStopReason) ?? '',
    agent: {
      id: String(row.agentId),
      status: String(row.status),
      mode: String(row.mode),
      environment: String(row.environment),
      requesterKey: text(row.requesterKey),
      requesterIssuer: text(row.requesterIssuer),
    },
    tool:
      row.toolId == null
        ? null
        : {
            id: String(row.toolId),
            name: String(row.toolName),
            actionLevel: String(row.actionLevel),
            enabled: bool(row.enabled),
            parameters: String(row.parameters),
            sensitiveFields: JSON.parse(String(row.sensitiveFields)) as string[],
          },
    grant:
      row.grantId == null
        ? null
        : {
            approvals: int(row.approvals)!,
            constraints: String(row.constraints),
            rateLimitCount: int(row.rateLimitCount),
            rateLimitWindowSeconds: int(row.rateLimitWindowSeconds),
            maxCallsPerTrace: int(row.maxCallsPerTrace),
            maxPending: int(row.maxPending),
            expiresAt: date(row.expiresAt),
            environment: String(row.grantEnvironment),
            requireReason: bool(row.requireReason),
            requester: text(row.grantRequester),
            loopMaxRepeats: int(row.loopMaxRepeats),
            loopWindowSeconds: int(row.loopWindowSeconds),
            loopPauseAgent: bool(row.loopPauseAgent),
            reviewTimeoutMinutes: int(row.reviewTimeoutMinutes) ?? 60,
            ownerMayApprove: bool(row.ownerMayApprove),
            requiredGroups: String(row.requiredGroups ?? '[]'),
            reviewGroupId: text(row.reviewGroupId),
          },
  };
}
