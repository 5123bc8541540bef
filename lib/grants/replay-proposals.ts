import type { ActionLevel } from '../policy/action-levels';
import { decideProposal, type GateFacts, type Outcome } from '../policy/decide-proposal';
import type { GrantPolicy } from '../policy/grant-policy';

/** A recorded proposal, as the replay needs it. */
export type RecordedProposal = {
  id: string;
  createdAt: Date;
  params: string;
  reason: string | null;
  traceId: string;
  paramsHash: string;
  status: string;
  requester: string | null;
  requesterVerified: boolean;
};

export type ReplaySetting = {
  tool: { name: string; actionLevel: ActionLevel };
  agent: { mode: string; environment: string };
  sensitiveFields: string[];
};

export type ReplayedOutcome = { proposal: RecordedProposal; before: Outcome; after: Outcome; reasons: string[] };

/**
 * Replays recorded proposals of one agent and tool (oldest first) under two grant policies and returns those whose
 * outcome differs. Only the grant is varied: switches, pauses and tool state are taken as open, rate and loop
 * counters are rebuilt from the replayed history, and requesters count as verified-without-roles when they were
 * verified. Pure: the grant backtest and the incident replay both run it.
 */
export function replayProposals(
  proposals: readonly RecordedProposal[],
  setting: ReplaySetting,
  current: GrantPolicy,
  next: GrantPolicy,
): ReplayedOutcome[] {
  const tool = { ...setting.tool, enabled: true };
  const changed: ReplayedOutcome[] = [];
  proposals.forEach((proposal, index) => {
    const earlier = proposals.slice(0, index);
    const facts = (policy: GrantPolicy): GateFacts => ({
      now: proposal.createdAt.getTime(),
      globalStop: false,
      tool,
      grant: policy,
      agent: { status: 'active', mode: setting.agent.mode, environment: setting.agent.environment },
      proposal: {
        params: JSON.parse(proposal.params) as Record<string, unknown>,
        reason: proposal.reason,
        sensitiveFields: setting.sensitiveFields,
      },
      counters: replayCounters(earlier, proposal, policy),
      requester:
        proposal.requesterVerified && proposal.requester
          ? { status: 'verified', subject: proposal.requester, roles: [], attributes: {} }
          : { status: 'none' },
    });
    const before = decideProposal(facts(current));
    const after = decideProposal(facts(next));
    if (before.outcome !== after.outcome)
      changed.push({ proposal, before: before.outcome, after: after.outcome, reasons: after.reasons });
  });
  return changed;
}

type Replayed = { createdAt: Date; traceId: string; paramsHash: string; status: string };

function replayCounters(earlier: Replayed[], action: Replayed, policy: GrantPolicy): GateFacts['counters'] {
  const at = action.createdAt.getTime();
  const within = (seconds: number) => earlier.filter((a) => a.createdAt.getTime() >= at - seconds * 1000);
  const counted = (list: Replayed[]) => list.filter((a) => a.status !== 'blocked');
  return {
    callsInWindow: policy.rateLimit ? counted(within(policy.rateLimit.windowSeconds)).length : 0,
    callsInTrace: policy.maxCallsPerTrace ? counted(earlier).filter((a) => a.traceId === action.traceId).length : 0,
    pending: 0,
    repeatsInWindow: policy.loop
      ? within(policy.loop.windowSeconds).filter((a) => a.paramsHash === action.paramsHash).length
      : 0,
  };
}
