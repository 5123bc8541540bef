import type { Tx } from '../db/client';
import type { GateFacts } from '../policy/decide-proposal';
import type { GrantPolicy } from '../policy/grant-policy';

/**
 * The counters the gate's limits need, counted only for the rules the grant has (an open grant costs no query).
 * Blocked proposals do not count towards rate or trace limits: they did nothing.
 */
export async function countGateUsage(
  tx: Tx,
  input: { agentId: string; toolId: string; traceId: string; paramsHash: string; grant: GrantPolicy | null; now: number },
): Promise<GateFacts['counters']> {
  const { grant, agentId, toolId, now } = input;
  const since = (seconds: number) => new Date(now - seconds * 1000);
  const counted = { agentId, toolId, status: { not: 'blocked' } };
  const [callsInWindow, callsInTrace, pending, repeatsInWindow] = await Promise.all([
    grant?.rateLimit ? tx.action.count({ where: { ...counted, createdAt: { gte: since(grant.rateLimit.windowSeconds) } } }) : 0,
    grant?.maxCallsPerTrace ? tx.action.count({ where: { ...counted, traceId: input.traceId } }) : 0,
    grant?.maxPending !== null && grant?.maxPending !== undefined ? tx.action.count({ where: { agentId, status: 'pending_review' } }) : 0,
    grant?.loop ? tx.action.count({ where: { agentId, paramsHash: input.paramsHash, createdAt: { gte: since(grant.loop.windowSeconds) } } }) : 0,
  ]);
  return { callsInWindow, callsInTrace, pending, repeatsInWindow };
}
