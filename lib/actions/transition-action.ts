import { Prisma } from '../generated/sqlite/client';
import { sql, type SqlRunner } from '../db/sql-runner';
import { canTransition, type ActionStatus } from '../policy/action-status';

type ActionChanges = {
  decisionReason?: string | null;
  reviewerId?: string | null;
  decidedAt?: Date | null;
  result?: string | null;
  downstreamRef?: string | null;
  approvedParamsHash?: string | null;
};

/** The columns a transition may set besides the status, quoted once here: never a name from a caller's data. */
const COLUMNS: { readonly [K in keyof Required<ActionChanges>]: Prisma.Sql } = {
  decisionReason: Prisma.raw('"decisionReason"'),
  reviewerId: Prisma.raw('"reviewerId"'),
  decidedAt: Prisma.raw('"decidedAt"'),
  result: Prisma.raw('"result"'),
  downstreamRef: Prisma.raw('"downstreamRef"'),
  approvedParamsHash: Prisma.raw('"approvedParamsHash"'),
};

/**
 * The only way an action's status changes: a compare-and-set on the status the caller saw, as one UPDATE on the
 * caller's transaction (the console's, through `prismaRunner(tx)`, or the hot path's). Returns false when the action
 * is no longer in `from` (someone else moved it first); the caller decides what to say.
 */
export async function transitionAction(
  runner: SqlRunner,
  move: { id: string; from: ActionStatus; to: ActionStatus; changes?: ActionChanges; agentId?: string },
): Promise<boolean> {
  if (!canTransition(move.from, move.to)) throw new Error(`Illegal action transition ${move.from} → ${move.to}`);
  const changes = Object.entries(move.changes ?? {}).filter(([, value]) => value !== undefined) as [
    keyof ActionChanges,
    unknown,
  ][];
  const sets = changes.map(([column, value]) => sql`, ${COLUMNS[column]} = ${value}`);
  const byAgent = move.agentId === undefined ? Prisma.empty : sql` AND "agentId" = ${move.agentId}`;
  const moved = await runner.execute(sql`
    UPDATE "Action" SET "status" = ${move.to}, "updatedAt" = ${new Date()}${sets.length > 0 ? Prisma.join(sets, '') : Prisma.empty}
    WHERE "id" = ${move.id} AND "status" = ${move.from}${byAgent}`);
  return moved === 1;
}
