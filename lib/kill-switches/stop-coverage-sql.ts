import { Prisma } from '../generated/sqlite/client';
import type { EngagedSwitch } from '../policy/stop-coverage';

/**
 * The rules of lib/policy/stop-coverage.ts as SQL over `"Action" a`, for reads and writes over many actions at once
 * (the queue, the expiry job, the release's deadline shift). Engaged switches are few and `engaged` is indexed.
 * Portable between SQLite and PostgreSQL except the date arithmetic of the shift.
 */
const sql = Prisma.sql;

/** The engaged switch `s` reaches the action `a` (scope only; unknown scopes reach everything: fail closed). */
const SCOPE_MATCH = sql`(s."scope" = 'global'
  OR (s."scope" = 'agent' AND s."agentId" = a."agentId")
  OR (s."scope" = 'tool' AND s."toolName" = a."toolName")
  OR (s."scope" = 'agent-tool' AND s."agentId" = a."agentId" AND s."toolName" = a."toolName")
  OR s."scope" NOT IN ('global', 'agent', 'tool', 'agent-tool'))`;

/** Some engaged block switch holds `a` (stopsCovering non-empty): engaged before its deadline, or time unknown. */
export function coveredByStop(): Prisma.Sql {
  return sql`EXISTS (SELECT 1 FROM "Switch" s WHERE s."engaged" = TRUE AND s."effect" NOT IN ('review-all', 'draft-only')
    AND (a."expiresAt" IS NULL OR s."engagedAt" IS NULL OR s."engagedAt" < a."expiresAt") AND ${SCOPE_MATCH})`;
}

/** The one switch `fact` reaches `a` (its scope, as switchApplies). */
export function inScopeOf(fact: Pick<EngagedSwitch, 'scope' | 'agentId' | 'toolName'>): Prisma.Sql {
  switch (fact.scope) {
    case 'global':
      return sql`1 = 1`;
    case 'agent':
      return sql`a."agentId" = ${fact.agentId}`;
    case 'tool':
      return sql`a."toolName" = ${fact.toolName}`;
    case 'agent-tool':
      return sql`a."agentId" = ${fact.agentId} AND a."toolName" = ${fact.toolName}`;
    default:
      return sql`1 = 1`;
  }
}

/**
 * On release of `released` (already marked released in this transaction): every waiting action it froze gets its
 * deadline moved later by the time this switch alone held it — from max(engagedAt, createdAt) until the release, or
 * until the earliest other block still covering it was engaged (deadlineAfterRelease, the table-tested twin). One
 * statement; returns the number of deadlines moved.
 */
export function giveBackFrozenTime(
  dialect: 'sqlite' | 'postgresql',
  released: EngagedSwitch & { engagedAt: Date },
  releasedAt: Date,
): Prisma.Sql {
  const engagedMs = released.engagedAt.getTime();
  const releasedMs = releasedAt.getTime();
  const pg = dialect === 'postgresql';
  const releasedParam = pg ? sql`${releasedMs}::bigint` : sql`${releasedMs}`;
  const engagedParam = pg ? sql`${engagedMs}::bigint` : sql`${engagedMs}`;
  const ms = (column: Prisma.Sql) =>
    pg ? sql`(EXTRACT(EPOCH FROM ${column}) * 1000)::bigint` : sql`round(unixepoch(${column}, 'subsec') * 1000)`;
  // The earliest engagement among the other blocks still holding the action (an unknown time counts as always).
  const othersSince = sql`(SELECT MIN(COALESCE(${ms(sql`s."engagedAt"`)}, 0)) FROM "Switch" s WHERE s."engaged" = TRUE
    AND s."effect" NOT IN ('review-all', 'draft-only') AND (s."engagedAt" IS NULL OR s."engagedAt" < a."expiresAt") AND ${SCOPE_MATCH})`;
  const least = pg ? sql`LEAST` : sql`MIN`;
  const greatest = pg ? sql`GREATEST` : sql`MAX`;
  const heldFor = sql`(${least}(${releasedParam}, COALESCE(${othersSince}, ${releasedParam})) - ${greatest}(${engagedParam}, ${ms(sql`a."createdAt"`)}))`;
  const shifted = pg
    ? sql`a."expiresAt" + (${heldFor} * INTERVAL '1 millisecond')`
    : sql`strftime('%Y-%m-%dT%H:%M:%f+00:00', (${ms(sql`a."expiresAt"`)} + ${heldFor}) / 1000.0, 'unixepoch')`;
  return sql`UPDATE "Action" AS a SET "expiresAt" = ${shifted}
    WHERE a."status" = 'pending_review' AND a."expiresAt" IS NOT NULL AND a."expiresAt" > ${released.engagedAt}
      AND ${inScopeOf(released)} AND ${heldFor} > 0`;
}
