import { sql, type SqlRunner } from '../db/sql-runner';
import type { GateFacts } from '../policy/decide-proposal';
import type { GrantPolicy } from '../policy/grant-policy';

/**
 * The counters the gate's limits need, counted only for the rules the grant has (an open grant costs no query).
 * Blocked proposals do not count towards rate or trace limits: they did nothing.
 */
export async function countGateUsage(
  runner: SqlRunner,
  input: { agentId: string; toolId: string; traceId: string; paramsHash: string; grant: GrantPolicy | null; now: number },
): Promise<GateFacts['counters']> {
  const { grant, agentId, toolId, now } = input;
  const since = (seconds: number) => new Date(now - seconds * 1000);
  const count = async (statement: ReturnType<typeof sql>) => Number((await runner.query<{ n: unknown }>(statement))[0]?.n ?? 0);
  return {
    callsInWindow: grant?.rateLimit
      ? await count(sql`SELECT COUNT(*) AS "n" FROM "Action" WHERE "agentId" = ${agentId} AND "toolId" = ${toolId} AND "status" <> 'blocked' AND "createdAt" >= ${since(grant.rateLimit.windowSeconds)}`)
      : 0,
    callsInTrace: grant?.maxCallsPerTrace
      ? await count(sql`SELECT COUNT(*) AS "n" FROM "Action" WHERE "agentId" = ${agentId} AND "toolId" = ${toolId} AND "status" <> 'blocked' AND "traceId" = ${input.traceId}`)
      : 0,
    pending: grant?.maxPending !== null && grant?.maxPending !== undefined
      ? await count(sql`SELECT COUNT(*) AS "n" FROM "Action" WHERE "agentId" = ${agentId} AND "status" = 'pending_review'`)
      : 0,
    repeatsInWindow: grant?.loop
      ? await count(sql`SELECT COUNT(*) AS "n" FROM "Action" WHERE "agentId" = ${agentId} AND "paramsHash" = ${input.paramsHash} AND "createdAt" >= ${since(grant.loop.windowSeconds)}`)
      : 0,
  };
}
