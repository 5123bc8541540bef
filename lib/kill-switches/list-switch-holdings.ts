import { Prisma } from '../generated/sqlite/client';
import { can, assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { rawDate, rawInt, rawText } from '../db/raw-values';
import { ACTION_STATUSES } from '../policy/action-status';
import { isBlock, refusalMarker } from '../policy/stop-coverage';
import type { SwitchEffect, SwitchScope } from '../policy/switch-effects';
import { GLOBAL_STOP_ID } from './global-stop';
import { inScopeOf } from './stop-coverage-sql';

const sql = Prisma.sql;
const LIST_LIMIT = 20;

export type HeldAction = { id: string; tool: string; agentName: string; createdAt: Date };
export type HeldList = { total: number; actions: HeldAction[] };

export type SwitchHoldings = {
  /** Block switches only: what the stop holds now. */
  held: { waiting: HeldList; approved: HeldList; executing: HeldList } | null;
  /** Since it was engaged: for a block, proposals, claims and approvals it refused; otherwise proposals it redirected. */
  since: { proposals: number; claims: number; approvals: number };
};

type SwitchRef = {
  id: string;
  scope: SwitchScope;
  effect: SwitchEffect;
  agentId: string | null;
  toolName: string | null;
  engagedAt: Date;
};

/**
 * What each engaged switch holds and what it has refused since it was engaged, for the Controls page. Held work is
 * read by status (indexed) within the switch's scope; waiting actions count when the block came before their
 * deadline (frozen, lib/policy/stop-coverage.ts). Refusals are counted where they name the switch
 * (refusalMarker): blocked proposals' gate reasons (index status, createdAt), and the audit events of refused
 * claims and approvals after the switch's own engage event (index type, seq). Admins see every agent's actions;
 * others those of agents they own.
 */
export async function listSwitchHoldings(
  actor: Actor,
  switches: readonly SwitchRef[],
): Promise<Map<string, SwitchHoldings>> {
  assertCan(actor, 'agents.read');
  const mine = can(actor, 'switches.manage')
    ? sql`1 = 1`
    : sql`a."agentId" IN (SELECT "id" FROM "Agent" WHERE "ownerId" = ${actor.id})`;
  const result = new Map<string, SwitchHoldings>();
  for (const fact of switches) {
    const scope = sql`${inScopeOf(fact)} AND ${mine}`;
    const held = isBlock(fact)
      ? {
          waiting: await heldList(
            sql`a."status" = 'pending_review' AND (a."expiresAt" IS NULL OR a."expiresAt" > ${fact.engagedAt}) AND ${scope}`,
          ),
          approved: await heldList(sql`a."status" = 'approved' AND ${scope}`),
          executing: await heldList(sql`a."status" = 'executing' AND ${scope}`),
        }
      : null;
    result.set(fact.id, { held, since: await countSince(fact) });
  }
  return result;
}

async function heldList(where: Prisma.Sql): Promise<HeldList> {
  const rows = await db().$queryRaw<Record<string, unknown>[]>(sql`
    SELECT a."id", a."toolName", a."createdAt", ag."name" AS "agentName", COUNT(*) OVER () AS "total"
    FROM "Action" a JOIN "Agent" ag ON ag."id" = a."agentId"
    WHERE ${where} ORDER BY a."createdAt" DESC, a."id" DESC LIMIT ${LIST_LIMIT}`);
  return {
    total: rawInt(rows[0]?.total) ?? 0,
    actions: rows.map((row) => ({
      id: rawText(row.id)!,
      tool: rawText(row.toolName)!,
      agentName: rawText(row.agentName)!,
      createdAt: rawDate(row.createdAt)!,
    })),
  };
}

async function countSince(fact: SwitchRef): Promise<SwitchHoldings['since']> {
  const like = `%${refusalMarker(fact.id)}%`;
  // Redirected proposals (review-all, draft-only) may have moved on to any status since; the list keeps the index.
  const statuses = isBlock(fact) ? ['blocked'] : [...ACTION_STATUSES];
  const proposals = await count(sql`SELECT COUNT(*) AS "n" FROM "Action" a
    WHERE a."status" IN (${Prisma.join(statuses)}) AND a."createdAt" >= ${fact.engagedAt} AND a."gateReasons" LIKE ${like}`);
  if (!isBlock(fact)) return { proposals, claims: 0, approvals: 0 };
  const after = await engagedSeq(fact);
  const refused = (type: string) =>
    count(sql`SELECT COUNT(*) AS "n" FROM "AuditEvent" e
    WHERE e."type" = ${type} AND ${after === null ? sql`e."at" >= ${fact.engagedAt}` : sql`e."seq" > ${after}`} AND e."payload" LIKE ${like}`);
  return {
    proposals,
    claims: await refused('action.claim_blocked'),
    approvals: await refused('action.approval_refused_frozen'),
  };
}

/** The sequence number of this engagement's audit event (a refusal that saw the switch comes after it). */
async function engagedSeq(fact: SwitchRef): Promise<number | null> {
  const rows = await db().$queryRaw<Record<string, unknown>[]>(
    fact.id === GLOBAL_STOP_ID
      ? sql`SELECT MAX(e."seq") AS "seq" FROM "AuditEvent" e WHERE e."type" = 'switch.global_stop_engaged'`
      : sql`SELECT MAX(e."seq") AS "seq" FROM "AuditEvent" e WHERE e."type" = 'switch.engaged' AND e."payload" LIKE ${`%"switchId":"${fact.id}"%`}`,
  );
  return rawInt(rows[0]?.seq);
}

async function count(query: Prisma.Sql): Promise<number> {
  const [row] = await db().$queryRaw<{ n: unknown }[]>(query);
  return rawInt(row?.n) ?? 0;
}
