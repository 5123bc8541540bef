import { Prisma } from '../generated/sqlite/client';
import { can, isAdmin, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { databaseTarget } from '../env';
import { coveredByStop } from '../kill-switches/stop-coverage-sql';
import { RISK_FLAGS } from '../review/assess-risk';
import { QUEUE_AGES, type QueueFilter } from '../review/schemas';
import type { ReviewerFacts } from '../policy/waiting-for-reviewer';

/**
 * The review queue's SQL: the filters and "waiting for me" as predicates over `"Action" a`, portable between SQLite
 * and PostgreSQL, so the database filters, counts and pages 100,000 pending actions instead of the server reading
 * them all. The status is a literal (not a parameter), the first column of the (status, …, id) indexes they read.
 */
const sql = Prisma.sql;
const raw = Prisma.raw;
const TRUE = sql`1 = 1`;
const FALSE = sql`1 = 0`;

export type QueueDimension = keyof QueueFilter;

/**
 * Pending and not past its deadline, or past it but frozen by a stop (its deadline paused until the release gives
 * the time back): what the queue shows (the job commits the expiry within a tick).
 */
export function openPending(now: Date): Prisma.Sql {
  return sql`a."status" = 'pending_review' AND (a."expiresAt" IS NULL OR a."expiresAt" > ${now} OR ${coveredByStop()})`;
}

/** The reviewer, as "waiting for me" needs them: one read of their groups. */
export async function loadQueueReviewer(actor: Actor): Promise<ReviewerFacts | null> {
  if (actor.type !== 'user') return null;
  const groups = await db().reviewerGroupMember.findMany({ where: { userId: actor.id }, select: { groupId: true } });
  return {
    id: actor.id,
    email: actor.email,
    canDecide: can(actor, 'actions.decide'),
    isAdmin: isAdmin(actor),
    groupIds: groups.map((g) => g.groupId),
  };
}

/** Every filter but those in `skip` (for faceted counts: each dimension counted under the others), ANDed. */
export function filterPredicate(
  filter: QueueFilter,
  reviewer: ReviewerFacts | null,
  now: Date,
  skip?: QueueDimension | QueueDimension[],
): Prisma.Sql {
  const skipped = new Set(Array.isArray(skip) ? skip : skip ? [skip] : []);
  const parts: Prisma.Sql[] = [];
  if (!skipped.has('agent') && filter.agent)
    parts.push(sql`a."agentId" = (SELECT "id" FROM "Agent" WHERE "name" = ${filter.agent})`);
  if (!skipped.has('tool') && filter.tool) parts.push(sql`a."toolName" = ${filter.tool}`);
  if (!skipped.has('level') && filter.level)
    parts.push(sql`a."toolId" IN (SELECT "id" FROM "Tool" WHERE "actionLevel" = ${filter.level})`);
  if (!skipped.has('risk') && filter.risk) parts.push(riskPredicate(RISK_FLAGS[filter.risk].bit));
  if (!skipped.has('requester') && filter.requester)
    parts.push(sql`LOWER(a."requester") LIKE ${`%${escapeLike(filter.requester.toLowerCase())}%`} ESCAPE '\\'`);
  if (!skipped.has('age') && filter.age)
    parts.push(sql`${createdAtUnindexed()} <= ${new Date(now.getTime() - QUEUE_AGES[filter.age] * 60_000)}`);
  if (!skipped.has('mine') && filter.mine) parts.push(waitingPredicate(reviewer));
  if (!skipped.has('trace') && filter.trace) parts.push(sql`a."traceId" = ${filter.trace}`);
  return parts.length ? Prisma.join(parts, ' AND ') : TRUE;
}

/** A bit of the stored risk mask; the bit comes from a fixed table, never from input, so it is inlined. */
export function riskPredicate(bit: number): Prisma.Sql {
  return sql`(a."riskMask" & ${raw(String(Math.trunc(bit)))}) <> 0`;
}

/**
 * The creation time, kept from SQLite's index choice: without statistics its planner would range over the
 * (status, createdAt) index for "older than 4 h" (nearly every pending row) and sort them all, instead of walking
 * the queue's order and skipping the few recent ones (770 ms → ~10 ms at 100,000 pending). A unary plus is SQLite's
 * documented way to say so; PostgreSQL costs this with its statistics and has no unary plus for timestamps.
 */
function createdAtUnindexed(): Prisma.Sql {
  return databaseTarget().provider === 'postgresql' ? sql`a."createdAt"` : sql`+a."createdAt"`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * "Waiting for me" in SQL: the rule of lib/policy/waiting-for-reviewer.ts, which the decision itself enforces.
 * Not approved by me yet; the quorum can still use me (I cover a required group nobody covers yet, or enough
 * approvals remain for the groups still missing); assigned to everyone, to a group of mine, or I cover a missing
 * group; and separation of duties (not requested on my behalf, not my own agent unless the grant allows it), which
 * an admin may override. The one simplification: a covered group whose approver could move to another group (the
 * decision's maximum matching) is counted as covered here; the card then offers the approval the queue did not flag.
 */
export function waitingPredicate(reviewer: ReviewerFacts | null): Prisma.Sql {
  if (!reviewer?.canDecide) return FALSE;
  const notYetMine = sql`a."id" NOT IN (SELECT "actionId" FROM "ActionApproval" WHERE "reviewerId" = ${reviewer.id})`;
  const covers = coversMissingGroup(reviewer.groupIds);
  const quorum = sql`(a."requiredGroups" = '[]' OR ${covers} OR ${roomForOthers()})`;
  const assigned = reviewer.isAdmin
    ? TRUE
    : reviewer.groupIds.length
      ? sql`(a."assignedGroupId" IS NULL OR a."assignedGroupId" IN (${Prisma.join(reviewer.groupIds)}) OR ${covers})`
      : sql`(a."assignedGroupId" IS NULL OR ${covers})`;
  const duties = reviewer.isAdmin ? TRUE : separationOfDuties(reviewer);
  return sql`(${notYetMine} AND ${quorum} AND ${assigned} AND ${duties})`;
}

/** Separation of duties holds (no conflict): selected as a column too, for the admin's "override" mark. */
export function separationOfDuties(reviewer: Pick<ReviewerFacts, 'id' | 'email'>): Prisma.Sql {
  const notRequester = sql`(a."requester" IS NULL OR LOWER(TRIM(a."requester")) <> ${reviewer.email.toLowerCase()})`;
  const notMyAgent = sql`(a."agentId" NOT IN (SELECT "id" FROM "Agent" WHERE "ownerId" = ${reviewer.id})
    OR EXISTS (SELECT 1 FROM "Grant" g WHERE g."agentId" = a."agentId" AND g."toolId" = a."toolId" AND g."ownerMayApprove" = ${true}))`;
  return sql`(${notRequester} AND ${notMyAgent})`;
}

/** I am a member of a required group that no approval covers yet (group ids are UUIDs: the substring match is exact). */
function coversMissingGroup(groupIds: readonly string[]): Prisma.Sql {
  if (groupIds.length === 0) return FALSE;
  const each = groupIds.map(
    (groupId) => sql`(a."requiredGroups" LIKE ${`%"${groupId}"%`}
    AND a."id" NOT IN (SELECT "actionId" FROM "ActionApproval" WHERE "groupId" = ${groupId}))`,
  );
  return sql`(${Prisma.join(each, ' OR ')})`;
}

/** One more approval that covers no group still leaves an approval for each group missing. */
function roomForOthers(): Prisma.Sql {
  const postgres = databaseTarget().provider === 'postgresql';
  const groups = postgres
    ? raw(`json_array_length(a."requiredGroups"::json)`)
    : raw(`json_array_length(a."requiredGroups")`);
  const greatest = postgres ? 'GREATEST' : 'MAX';
  const approvals = sql`(SELECT COUNT(*) FROM "ActionApproval" ap WHERE ap."actionId" = a."id")`;
  const covered = sql`(SELECT COUNT(DISTINCT ap."groupId") FROM "ActionApproval" ap WHERE ap."actionId" = a."id" AND ap."groupId" IS NOT NULL)`;
  return sql`(${raw(greatest)}(a."approvalsRequired", ${groups}, 1) - ${approvals} - 1 >= ${groups} - ${covered})`;
}
