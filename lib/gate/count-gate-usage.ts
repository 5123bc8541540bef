import type { SqlRunner } from '../db/sql-runner';
import { prepareSql, type QueryBuilder, type TypedSql } from '../db/typed-sql';
import type { GateFacts } from '../policy/decide-proposal';
import type { GrantPolicy } from '../policy/grant-policy';

type Counters = GateFacts['counters'];
const NONE: Counters = { callsInWindow: 0, callsInTrace: 0, pending: 0, repeatsInWindow: 0 };

/** Whether the grant has a rule that counts (rate limit, calls per trace, pending cap, loop detection). */
export function countsUsage(grant: GrantPolicy | null): grant is GrantPolicy {
  return (
    !!grant &&
    (!!grant.rateLimit ||
      !!grant.maxCallsPerTrace ||
      (grant.maxPending !== null && grant.maxPending !== undefined) ||
      !!grant.loop)
  );
}

/**
 * The counters the gate's limits need, counted only for the rules the grant has (an open grant costs no query).
 * Blocked proposals do not count towards rate or trace limits: they did nothing.
 *
 * Exact under concurrency: every counter is per agent, and the agent's proposals that count are serialised. On
 * SQLite the transaction already holds the database's write lock (BEGIN IMMEDIATE, one connection). On PostgreSQL
 * the agent's row is locked first (FOR NO KEY UPDATE: it does not block the foreign-key checks of inserts), and each
 * count, a statement of its own under READ COMMITTED, sees everything committed by the proposal that held it before.
 * Open grants take no lock, so they do not queue behind one another. That is enough: a proposal whose grant counts
 * nothing decides without reading any counter, so whatever it adds (say a pending action, under another grant's
 * pending cap) is as if it had come just after the counting proposals it overlapped.
 */
export async function countGateUsage(
  runner: SqlRunner,
  input: {
    agentId: string;
    toolId: string;
    traceId: string;
    paramsHash: string;
    grant: GrantPolicy | null;
    now: number;
  },
): Promise<Counters> {
  const { grant, agentId, toolId, now } = input;
  if (!countsUsage(grant)) return NONE;

  const since = (seconds: number) => new Date(now - seconds * 1000);
  const count = async (statement: TypedSql<{ n: string | number | bigint }>) =>
    Number((await runner.query<{ n: unknown }>(statement))[0]?.n ?? 0);
  const lock = lockAgentCounters(runner, agentId);
  // Issued together: on PostgreSQL they share one round trip, in order, so every count runs after the lock is held.
  const [, callsInWindow, callsInTrace, pending, repeatsInWindow] = await Promise.all([
    lock,
    grant.rateLimit ? count(callsSinceSql({ agentId, toolId, since: since(grant.rateLimit.windowSeconds) })) : 0,
    grant.maxCallsPerTrace ? count(callsInTraceSql({ agentId, toolId, traceId: input.traceId })) : 0,
    grant.maxPending !== null && grant.maxPending !== undefined ? count(pendingSql({ agentId })) : 0,
    grant.loop
      ? count(
          repeatsSinceSql({
            agentId,
            paramsHash: input.paramsHash,
            since: since(grant.loop.windowSeconds),
          }),
        )
      : 0,
  ]);
  return { callsInWindow, callsInTrace, pending, repeatsInWindow };
}

/** Serialises the agent's counted proposals (see above); a no-op on SQLite, whose transaction already holds the lock. */
async function lockAgentCounters(runner: SqlRunner, agentId: string): Promise<void> {
  if (runner.dialect === 'postgresql') await runner.query(lockAgentSql({ agentId }));
}

/** Calls that did something (blocked ones did not), counted towards the rate limit and the trace cap. */
const countedCalls = (db: QueryBuilder, agentId: string, toolId: string) =>
  db
    .selectFrom('Action')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('agentId', '=', agentId)
    .where('toolId', '=', toolId)
    .where('status', '<>', 'blocked');

const callsSinceSql = prepareSql((db, p: { agentId: string; toolId: string; since: Date }) =>
  countedCalls(db, p.agentId, p.toolId).where('createdAt', '>=', p.since),
);

const callsInTraceSql = prepareSql((db, p: { agentId: string; toolId: string; traceId: string }) =>
  countedCalls(db, p.agentId, p.toolId).where('traceId', '=', p.traceId),
);

const pendingSql = prepareSql((db, p: { agentId: string }) =>
  db
    .selectFrom('Action')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('agentId', '=', p.agentId)
    .where('status', '=', 'pending_review'),
);

const repeatsSinceSql = prepareSql((db, p: { agentId: string; paramsHash: string; since: Date }) =>
  db
    .selectFrom('Action')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('agentId', '=', p.agentId)
    .where('paramsHash', '=', p.paramsHash)
    .where('createdAt', '>=', p.since),
);

// FOR NO KEY UPDATE: it does not block the foreign-key checks of the agent's inserts.
const lockAgentSql = prepareSql((db, p: { agentId: string }) =>
  db
    .selectFrom('Agent')
    .select((eb) => eb.lit(1).as('locked'))
    .where('id', '=', p.agentId)
    .forNoKeyUpdate(),
);
