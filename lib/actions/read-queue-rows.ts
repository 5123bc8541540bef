import { Prisma } from '../generated/sqlite/client';
import { can, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { rawBool, rawDate, rawInt, rawText } from '../db/raw-values';
import type { ActionLevel } from '../policy/action-levels';
import type { ReviewerFacts } from '../policy/waiting-for-reviewer';
import type { RiskFlag } from '../review/assess-risk';
import { assessRiskForViewer } from '../review/assess-risk-for-viewer';
import { maskParams, renderSummary } from '../tools/present-params';
import { coveredByStop } from '../kill-switches/stop-coverage-sql';
import { separationOfDuties, waitingPredicate } from './queue-sql';

const sql = Prisma.sql;

export type PendingActionRow = {
  id: string;
  /** The tool's one-line summary of the call (sensitive values masked for those who may not see them), or null. */
  summary: string | null;
  tool: string;
  agent: string;
  actionLevel: ActionLevel | null;
  /** A write the tool cannot roll back: shown with the level, a standing property of the tool. */
  supportsRollback: boolean;
  /** Most severe first, as stored when the action was written or edited. */
  riskFlags: RiskFlag[];
  riskWeight: number;
  /** The agent's reason, cut for a dialog (the card shows it whole). Inert text. */
  reason: string | null;
  requester: string | null;
  requesterVerified: boolean;
  approvals: number;
  required: number;
  assignedGroup: string | null;
  traceId: string;
  /** Pending actions in this trace, this one included (1 = alone). */
  traceSize: number;
  createdAt: string;
  expiresAt: string | null;
  /** A block switch holds it: it cannot be approved and its deadline is paused (lib/policy/stop-coverage.ts). */
  frozen: boolean;
  waitingForMe: boolean;
  /** Waiting for me only because I am an admin: approving would override separation of duties. */
  override: boolean;
};

const REASON_PREVIEW = 400;

/**
 * Queue rows for `where` (a predicate over `"Action" a`), in `order`, with everything a row shows: summary, level,
 * stored risk flags, quorum, assigned group, the trace's size and whether it waits for this reviewer. One query for
 * the rows, one for their traces; the page is small, so the summaries are rendered here.
 */
export async function readQueueRows(
  actor: Actor,
  reviewer: ReviewerFacts | null,
  where: Prisma.Sql,
  order: Prisma.Sql,
  limit: number,
): Promise<PendingActionRow[]> {
  const rows = await db().$queryRaw<Record<string, unknown>[]>(sql`
    SELECT a."id", a."toolName", a."agentId", a."params", a."editedParams", a."reason", a."requester", a."requesterVerified",
      a."gateReasons", a."sources", a."currentValues",
      a."traceId", a."approvalsRequired", a."requiredGroups", a."assignedGroupId", a."riskFlags", a."riskWeight",
      a."createdAt", a."expiresAt", ag."name" AS "agentName", t."actionLevel", t."supportsRollback", t."sensitiveFields",
      t."summaryTemplate", rg."name" AS "groupName",
      (SELECT COUNT(*) FROM "ActionApproval" ap WHERE ap."actionId" = a."id") AS "approvals",
      CASE WHEN ${waitingPredicate(reviewer)} THEN 1 ELSE 0 END AS "waiting",
      CASE WHEN ${coveredByStop()} THEN 1 ELSE 0 END AS "frozen",
      CASE WHEN ${reviewer ? separationOfDuties(reviewer) : sql`1 = 1`} THEN 0 ELSE 1 END AS "conflict"
    FROM "Action" a
    JOIN "Agent" ag ON ag."id" = a."agentId"
    LEFT JOIN "Tool" t ON t."id" = a."toolId"
    LEFT JOIN "ReviewerGroup" rg ON rg."id" = a."assignedGroupId"
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${Prisma.raw(String(Math.max(1, Math.trunc(limit))))}`);
  if (rows.length === 0) return [];

  const traceSizes = await countPendingInTraces(
    rows.map((row) => ({ agentId: String(row.agentId), traceId: String(row.traceId) })),
  );
  const seeSensitive = can(actor, 'actions.read_sensitive');
  return rows.map((row) => {
    const params = JSON.parse(String(row.editedParams ?? row.params)) as Record<string, unknown>;
    const template = rawText(row.summaryTemplate);
    const sensitive = JSON.parse(rawText(row.sensitiveFields) ?? '[]') as string[];
    const masked = !seeSensitive && sensitive.length > 0;
    const shown = masked ? maskParams(params, sensitive) : params;
    const reason = rawText(row.reason);
    const waiting = rawInt(row.waiting) === 1;
    const requiredGroups = (JSON.parse(String(row.requiredGroups)) as string[]).length;
    return {
      id: String(row.id),
      summary: template ? clipSummary(renderSummary(template, shown)) : null,
      tool: String(row.toolName),
      agent: String(row.agentName),
      actionLevel: (rawText(row.actionLevel) as ActionLevel | null) ?? null,
      supportsRollback: rawBool(row.supportsRollback),
      // The stored causes quote real values; for a viewer who sees some of them masked, they are found again on the
      // real values and quoted as this viewer may see them (as on the card).
      riskFlags: masked ? maskedRisk(row, params, sensitive) : (JSON.parse(String(row.riskFlags)) as RiskFlag[]),
      riskWeight: rawInt(row.riskWeight) ?? 0,
      reason: reason && reason.length > REASON_PREVIEW ? `${reason.slice(0, REASON_PREVIEW)}…` : reason,
      requester: rawText(row.requester),
      requesterVerified: rawBool(row.requesterVerified),
      approvals: rawInt(row.approvals) ?? 0,
      required: Math.max(rawInt(row.approvalsRequired) ?? 0, requiredGroups, 1),
      assignedGroup: row.assignedGroupId ? (rawText(row.groupName) ?? String(row.assignedGroupId)) : null,
      traceId: String(row.traceId),
      traceSize: traceSizes.get(String(row.traceId)) ?? 1,
      createdAt: rawDate(row.createdAt)!.toISOString(),
      expiresAt: rawDate(row.expiresAt)?.toISOString() ?? null,
      frozen: rawInt(row.frozen) === 1,
      waitingForMe: waiting,
      override: waiting && reviewer !== null && reviewer.isAdmin && rawInt(row.conflict) === 1,
    };
  });
}

function maskedRisk(row: Record<string, unknown>, params: Record<string, unknown>, sensitive: string[]): RiskFlag[] {
  const currentValues = row.currentValues ? (JSON.parse(String(row.currentValues)) as Record<string, unknown>) : null;
  return assessRiskForViewer(
    {
      actionLevel: (rawText(row.actionLevel) as ActionLevel | null) ?? null,
      gateReasons: JSON.parse(String(row.gateReasons)) as string[],
      params,
      reason: rawText(row.reason),
      sources: JSON.parse(String(row.sources)) as unknown[],
      requester: rawText(row.requester),
      requesterVerified: rawBool(row.requesterVerified),
      currentValues,
    },
    { params: maskParams(params, sensitive), currentValues: currentValues && maskParams(currentValues, sensitive) },
  );
}

/**
 * How many actions are pending in each of these traces, read through the (agentId, traceId) index: the status is
 * counted, not filtered on, or the planner would walk every pending action by the (status, agentId) index instead.
 */
async function countPendingInTraces(keys: { agentId: string; traceId: string }[]): Promise<Map<string, number>> {
  const agents = [...new Set(keys.map((key) => key.agentId))];
  const traces = [...new Set(keys.map((key) => key.traceId))];
  const counts = await db().$queryRaw<{ traceId: string; n: unknown }[]>(sql`
    SELECT a."traceId", SUM(CASE WHEN a."status" = 'pending_review' THEN 1 ELSE 0 END) AS "n" FROM "Action" a
    WHERE a."agentId" IN (${Prisma.join(agents)}) AND a."traceId" IN (${Prisma.join(traces)})
    GROUP BY a."traceId"`);
  return new Map(counts.map((row) => [row.traceId, Number(row.n)]));
}

/** A row's summary is one line: an agent's 256 KiB value in it would make every queue page carry it (the card shows it all). */
const SUMMARY_LIMIT = 300;
function clipSummary(summary: string): string {
  return summary.length > SUMMARY_LIMIT
    ? `${summary.slice(0, SUMMARY_LIMIT)}… (${(summary.length - SUMMARY_LIMIT).toLocaleString('en')} more characters: open the action)`
    : summary;
}
