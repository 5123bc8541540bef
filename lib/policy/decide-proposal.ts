import { isWriteLevel, type ActionLevel } from './action-levels';
import { checkConstraint } from './check-constraint';
import { formatInstant, formatWindow, plural } from './format';
import type { GrantPolicy } from './grant-policy';
import { describeSwitch, type SwitchFact } from './switch-effects';

/**
 * The gate's decision: a pure function of everything Warden knows at the moment of a proposal.
 * No I/O, no clock (`now` is an input), no randomness: the same facts always give the same outcome and reasons,
 * whatever order the grant lists its rules in.
 */
export type RequesterFacts =
  | { status: 'none' }
  | { status: 'invalid'; error: string }
  | { status: 'verified'; subject: string; roles: string[]; attributes: Record<string, string> };

export type GateFacts = {
  now: number;
  globalStop: boolean;
  /** Why the global stop was engaged, when it is and a reason was given. */
  globalStopReason?: string;
  agent: { status: string; mode: string; environment: string };
  /** null when no tool of that name exists. */
  tool: { name: string; actionLevel: ActionLevel; enabled: boolean } | null;
  /** null when the agent holds no grant for the tool. */
  grant: GrantPolicy | null;
  /** `sensitiveFields`: the tool's sensitive paths (none when absent); reasons never quote their values (shown to every role). */
  proposal: { params: Record<string, unknown>; reason: string | null; sensitiveFields?: readonly string[] };
  /** Earlier proposals, counted over the grant's own windows (see lib/gate/count-gate-usage.ts). */
  counters: { callsInWindow: number; callsInTrace: number; pending: number; repeatsInWindow: number };
  requester: RequesterFacts;
  /**
   * The engaged switches that apply to this (agent, tool) pair, besides the global stop (see switch-effects.ts:
   * applicableSwitches). Absent means none.
   */
  switches?: readonly SwitchFact[];
};

/** `throttled` is answered with HTTP 429 and creates no action; every other outcome is recorded. */
export type Outcome = 'approved' | 'pending_review' | 'draft' | 'blocked' | 'throttled';

export type Decision = {
  outcome: Outcome;
  /** Every reason, in a fixed order: blocks, throttles, then what sends it to a draft or to review. */
  reasons: string[];
  approvalsRequired: number;
  /** Loop detection asks for the agent to be paused (the grant's owner chose so). */
  pauseAgent: boolean;
};

const BLOCKED = 'blocked: ';
const THROTTLED = 'throttled: ';
const REVIEW = 'review: ';

/** What forbids the agent from using the tool at all right now; also re-checked when an approved action is claimed. */
export function authorityBlocks(
  facts: Pick<GateFacts, 'globalStop' | 'globalStopReason' | 'agent' | 'tool' | 'grant' | 'now' | 'switches'>,
): string[] {
  const blocks: string[] = [];
  if (facts.globalStop)
    blocks.push(
      facts.globalStopReason ? `global stop is engaged: ${facts.globalStopReason}` : 'global stop is engaged',
    );
  // Any effect Warden does not know is read as a block (fail closed).
  for (const fact of facts.switches ?? [])
    if (fact.effect !== 'review-all' && fact.effect !== 'draft-only') blocks.push(describeSwitch(fact));
  if (facts.agent.status !== 'active') blocks.push('agent is paused');
  if (!facts.tool) {
    blocks.push('tool does not exist');
    return blocks;
  }
  if (!facts.tool.enabled) blocks.push(`tool ${facts.tool.name} is disabled`);
  const grant = facts.grant;
  if (!grant) {
    blocks.push(`tool ${facts.tool.name} is not granted to this agent`);
    return blocks;
  }
  if (grant.expiresAt !== null && facts.now >= grant.expiresAt)
    blocks.push(`grant expired ${formatInstant(grant.expiresAt)}`);
  if (grant.environment !== 'any' && grant.environment !== facts.agent.environment) {
    blocks.push(`grant is for ${grant.environment}, agent runs in ${facts.agent.environment}`);
  }
  return blocks;
}

function requesterBlocks(grant: GrantPolicy, requester: RequesterFacts): string[] {
  if (requester.status === 'invalid') return [`requester assertion rejected: ${requester.error}`];
  const needed = grant.requester;
  if (!needed) return [];
  if (requester.status !== 'verified') return ['grant requires a verified requester'];
  const blocks = needed.roles
    .filter((role) => !requester.roles.includes(role))
    .sort()
    .map((role) => `requester lacks role ${role}`);
  for (const [claim, value] of Object.entries(needed.attributes).sort(([a], [b]) => a.localeCompare(b))) {
    if (requester.attributes[claim] !== value) blocks.push(`requester ${claim} is not ${value}`);
  }
  return blocks;
}

function constraintReasons(grant: GrantPolicy, { params, sensitiveFields }: GateFacts['proposal']) {
  const block: string[] = [];
  const review: string[] = [];
  for (const constraint of grant.constraints) {
    const violation = checkConstraint(constraint, params, sensitiveFields ?? []);
    if (violation) (constraint.effect === 'block' ? block : review).push(violation);
  }
  // Sorted, so the explanation does not depend on the order the owner wrote the rules in.
  return { block: [...new Set(block)].sort(), review: [...new Set(review)].sort() };
}

function decide(facts: GateFacts): Decision {
  const blocks = authorityBlocks(facts);
  const { tool, grant } = facts;
  if (!tool || !grant)
    return { outcome: 'blocked', reasons: blocks.map((r) => BLOCKED + r), approvalsRequired: 0, pauseAgent: false };

  blocks.push(...requesterBlocks(grant, facts.requester));
  if (grant.requireReason && !facts.proposal.reason?.trim()) blocks.push('grant requires a reason');
  const constraints = constraintReasons(grant, facts.proposal);
  blocks.push(...constraints.block);
  const { counters } = facts;
  let pauseAgent = false;
  if (grant.loop && counters.repeatsInWindow >= grant.loop.maxRepeats) {
    blocks.push(
      `loop: the same call was made ${plural(counters.repeatsInWindow, 'time')} in ${formatWindow(grant.loop.windowSeconds)}`,
    );
    pauseAgent = grant.loop.pauseAgent;
  }
  if (grant.maxCallsPerTrace !== null && counters.callsInTrace >= grant.maxCallsPerTrace) {
    blocks.push(`trace already made ${counters.callsInTrace} of ${plural(grant.maxCallsPerTrace, 'allowed call')}`);
  }

  const switches = facts.switches ?? [];
  const review: string[] = switches.filter((fact) => fact.effect === 'review-all').map(describeSwitch);
  if (grant.approvals > 0)
    review.push(`grant requires ${grant.approvals === 1 ? 'approval' : `${grant.approvals} approvals`}`);
  if (grant.requiredGroups.length > 0)
    review.push(`grant requires an approval from each of ${plural(grant.requiredGroups.length, 'reviewer group')}`);
  review.push(...constraints.review);
  // Each required group's approval comes from a distinct reviewer, so groups raise the number too.
  const approvalsRequired = review.length > 0 ? Math.max(grant.approvals, grant.requiredGroups.length, 1) : 0;
  const draftSwitches = isWriteLevel(tool.actionLevel)
    ? switches.filter((fact) => fact.effect === 'draft-only').map(describeSwitch)
    : [];
  const draftMode = facts.agent.mode !== 'live' && isWriteLevel(tool.actionLevel);
  const draft = draftMode || draftSwitches.length > 0;

  const throttles: string[] = [];
  if (grant.rateLimit && counters.callsInWindow >= grant.rateLimit.count) {
    throttles.push(
      `rate limit of ${plural(grant.rateLimit.count, 'call')} per ${formatWindow(grant.rateLimit.windowSeconds)} reached`,
    );
  }
  // The pending cap protects reviewers from a flood: it only matters for a call that would join the queue.
  if (!draft && review.length > 0 && grant.maxPending !== null && counters.pending >= grant.maxPending) {
    throttles.push(`agent already has ${plural(counters.pending, 'action')} pending review (cap ${grant.maxPending})`);
  }

  const reasons = [
    ...blocks.map((r) => BLOCKED + r),
    ...throttles.map((r) => THROTTLED + r),
    ...(draftMode ? [`draft: agent is in draft-only mode and ${tool.actionLevel} actions write`] : []),
    ...draftSwitches.map((r) => `draft: ${r}`),
    ...review.map((r) => REVIEW + r),
  ];
  if (blocks.length > 0) return { outcome: 'blocked', reasons, approvalsRequired: 0, pauseAgent };
  if (throttles.length > 0) return { outcome: 'throttled', reasons, approvalsRequired: 0, pauseAgent: false };
  if (draft) return { outcome: 'draft', reasons, approvalsRequired: 0, pauseAgent: false };
  if (review.length > 0) return { outcome: 'pending_review', reasons, approvalsRequired, pauseAgent: false };
  return {
    outcome: 'approved',
    reasons: [`allowed: granted ${tool.name} without approval`],
    approvalsRequired: 0,
    pauseAgent: false,
  };
}

/** Total: any exception inside the decision means "blocked", never "allowed". */
export function decideProposal(facts: GateFacts): Decision {
  try {
    return decide(facts);
  } catch {
    return {
      outcome: 'blocked',
      reasons: [`${BLOCKED}policy could not be evaluated`],
      approvalsRequired: 0,
      pauseAgent: false,
    };
  }
}

/** The claim-time re-check: an empty list means the approved action may start executing. */
export function claimBlockers(
  facts: Pick<GateFacts, 'globalStop' | 'globalStopReason' | 'agent' | 'tool' | 'grant' | 'now' | 'switches'>,
): string[] {
  try {
    return authorityBlocks(facts);
  } catch {
    return ['policy could not be evaluated'];
  }
}
