import { verifyRequester } from '../auth/verify-requester';
import type { SqlRunner } from '../db/sql-runner';
import { toGrantPolicy } from '../grants/to-grant-policy';
import { env } from '../env';
import { WardenError } from '../errors';
import type { ActionLevel } from '../policy/action-levels';
import type { GateFacts, RequesterFacts } from '../policy/decide-proposal';
import type { GrantPolicy } from '../policy/grant-policy';
import { withDefaultPendingCap } from '../policy/pending-cap';
import { countGateUsage } from './count-gate-usage';
import { applicableSwitches } from '../policy/switch-effects';
import { readGateInputs, type GateInputs } from './read-gate-inputs';

export type GateRequest = {
  agentId: string;
  tool: string;
  params: Record<string, unknown>;
  reason: string | null;
  traceId: string;
  paramsHash: string;
  requesterAssertion?: string;
  now: number;
  /** The simulator's "what if this grant said …"; by default the grant as stored. */
  grantOverride?: GrantPolicy | null;
};

/**
 * Everything the gate decides on, read with the caller's runner. Shared by the real gate and the simulator, so a
 * simulation answers exactly what a proposal would get. `counters: false` leaves the grant's counters at zero (they
 * are exact only inside a transaction: see count-gate-usage.ts) and the grant without the default pending cap; the
 * caller then checks countsUsage(grant) and needsPendingCount(plan).
 */
export async function loadGateFacts(
  runner: SqlRunner,
  request: GateRequest,
  options: { counters: boolean } = { counters: true },
) {
  const inputs = await readGateInputs(runner, { id: request.agentId }, request.tool);
  return gateFactsFrom(inputs, request, options.counters ? runner : null);
}

/**
 * The gate's facts from its two reads (readGateInputs). With `counter`, the grant gets its pending cap and its
 * counters are read on that runner; with null, as loadGateFacts with `counters: false`.
 */
export async function gateFactsFrom({ row, engaged }: GateInputs, request: GateRequest, counter: SqlRunner | null) {
  if (!row) throw new WardenError('not_found', 'No such agent.');
  const { globalStop, globalStopReason, agent, tool } = row;
  const switches = applicableSwitches(engaged, agent.id, tool?.name ?? null);
  const stored = request.grantOverride !== undefined ? request.grantOverride : toGrantPolicy(row.grant);
  // With counters, every grant has a pending cap (its own or the default), so the count is read and exact. Without,
  // the grant is as stored: the caller decides first, and counts only a proposal that would queue (needsPendingCount).
  const grant = counter ? withDefaultPendingCap(stored, env().WARDEN_DEFAULT_MAX_PENDING) : stored;
  const requester: RequesterFacts = request.requesterAssertion
    ? await verifyRequester(request.requesterAssertion, agent, request.now)
    : { status: 'none' };
  const counters =
    tool && counter
      ? await countGateUsage(counter, {
          agentId: agent.id,
          toolId: tool.id,
          traceId: request.traceId,
          paramsHash: request.paramsHash,
          grant,
          now: request.now,
        })
      : { callsInWindow: 0, callsInTrace: 0, pending: 0, repeatsInWindow: 0 };
  const facts: GateFacts = {
    now: request.now,
    globalStop,
    globalStopReason,
    switches,
    agent,
    grant,
    counters,
    requester,
    tool: tool && { name: tool.name, actionLevel: tool.actionLevel as ActionLevel, enabled: tool.enabled },
    proposal: { params: request.params, reason: request.reason, sensitiveFields: tool?.sensitiveFields ?? [] },
  };
  return { facts, tool, agent };
}
