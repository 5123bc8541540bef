import { isWriteLevel } from '@/lib/policy/action-levels';
import type { Random } from './random';
import type { AgentInfo, GrantInfo, Workspace } from './workspace';

/**
 * The shape of the history before any row exists: for each action (or refused call), when it happened, how it
 * ended, and when each of its audit events happened. Planned first so the audit budget (--audit) is met exactly and
 * every time is known to lie in the past; build-history.ts then writes the rows in time order.
 */
export type StepType =
  | 'proposed'
  | 'decided'
  | 'approval'
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'escalated'
  | 'claimed'
  | 'succeeded'
  | 'failed'
  | 'throttled'
  | 'params_invalid';
export type Step = { type: StepType; at: number };
/** What the gate decides; the builder draws a call until the gate really decides this. */
export type GateOutcome = 'approved' | 'pending_review' | 'draft' | 'blocked';
export type Plan = {
  at: number;
  agent: AgentInfo;
  /** The grant the call goes through; null for a tool the agent has no grant for, or no tool at all. */
  grant: GrantInfo | null;
  gate: GateOutcome | 'refused';
  /** How a call the gate blocks is made to be blocked. */
  block?: 'unknown_tool' | 'ungranted' | 'rules';
  status: string;
  steps: Step[];
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type HistoryShape = {
  pending: number;
  /** Audit events left for the history once the workspace's own are counted. */
  auditBudget: number;
  now: number;
  historyDays: number;
};

/** Every plan, sorted by time. Throws when the budget cannot hold the pending actions' own events. */
export function planHistory(workspace: Workspace, shape: HistoryShape, r: Random): Plan[] {
  const calls = workspace.agents.flatMap((agent) =>
    agent.grants.map((grant) => [{ agent, grant }, grant.weight] as const),
  );
  const reviewed = calls.filter(([{ agent, grant }]) => agent.mode === 'live' && mayNeedReview(grant));
  const times = new TimeSampler(shape.now, r);

  const plans: Plan[] = [];
  let events = 0;
  for (let i = 0; i < shape.pending; i++) {
    const plan = pendingPlan(r.weighted(reviewed), times, r);
    plans.push(plan);
    events += plan.steps.length;
  }
  if (events > shape.auditBudget) {
    throw new Error(
      `--audit is too small: ${shape.pending} pending actions alone need ${events} audit events besides the workspace's own`,
    );
  }
  let left = shape.auditBudget - events;
  const historyMs = shape.historyDays * 24 * HOUR;
  while (left > 0) {
    const at = times.between(shape.now - historyMs, shape.now - 1000);
    let plan = r.chance(0.015)
      ? refusedPlan(r.weighted(calls), at, r)
      : decidedPlan(r.weighted(calls), at, shape.now, r);
    if (plan.steps.length > left) plan = refusedPlan(r.weighted(calls), at, r);
    plans.push(plan);
    left -= plan.steps.length;
  }
  return plans.sort((a, b) => a.at - b.at);
}

function mayNeedReview({ policy }: GrantInfo): boolean {
  return (
    policy.approvals > 0 || policy.requiredGroups.length > 0 || policy.constraints.some((c) => c.effect === 'review')
  );
}

function pendingPlan({ agent, grant }: { agent: AgentInfo; grant: GrantInfo }, times: TimeSampler, r: Random): Plan {
  // Waiting actions stay inside their review deadline, with a margin so the data set stays valid for a while (the
  // app expires overdue actions; a benchmark on a set full of overdue ones would measure expiry, not the queue).
  const timeout = grant.policy.reviewTimeoutMinutes * MINUTE;
  const window = timeout - Math.min(12 * HOUR, timeout / 4);
  const at = times.between(times.now - window, times.now - 1000);
  const steps: Step[] = [
    { type: 'proposed', at },
    { type: 'decided', at },
  ];
  if (required(grant) >= 2 && r.chance(0.45))
    steps.push({ type: 'approval', at: at + (times.now - at) * r.next() * 0.9 });
  if (r.chance(0.03)) steps.push({ type: 'escalated', at: at + (times.now - at) * r.next() * 0.9 });
  return {
    at,
    agent,
    grant,
    gate: 'pending_review',
    status: 'pending_review',
    steps: steps.sort((a, b) => a.at - b.at),
  };
}

/** An action the gate decided, and what happened to it since. */
function decidedPlan(
  { agent, grant }: { agent: AgentInfo; grant: GrantInfo },
  at: number,
  now: number,
  r: Random,
): Plan {
  const proposal: Step[] = [
    { type: 'proposed', at },
    { type: 'decided', at },
  ];
  if (r.chance(0.012)) {
    // A call outside the agent's authority: a tool it holds no grant for, or one that does not exist.
    const block = r.chance(0.4) ? 'unknown_tool' : 'ungranted';
    return { at, agent, grant: null, gate: 'blocked', block, status: 'blocked', steps: proposal };
  }
  if (r.chance(0.015) && (grant.policy.requireReason || grant.policy.constraints.some((c) => c.effect === 'block'))) {
    return { at, agent, grant, gate: 'blocked', block: 'rules', status: 'blocked', steps: proposal };
  }
  if (agent.mode !== 'live' && isWriteLevel(grant.tool.spec.actionLevel))
    return { at, agent, grant, gate: 'draft', status: 'draft', steps: proposal };
  const auto = grant.policy.approvals === 0 && grant.policy.requiredGroups.length === 0;
  const review = mayNeedReview(grant) && (!auto || r.chance(0.25));
  if (!review) {
    const run = execution(at + 300 + r.next() * 5000, now, r);
    return { at, agent, grant, gate: 'approved', status: run.status, steps: [...proposal, ...run.steps] };
  }

  const deadline = at + grant.policy.reviewTimeoutMinutes * MINUTE;
  const needed = required(grant);
  if (deadline <= now - 1000 && r.chance(0.1)) {
    const partial = r.int(0, needed - 1);
    return {
      at,
      agent,
      grant,
      gate: 'pending_review',
      status: 'expired',
      steps: [...proposal, ...spread('approval', partial, at, deadline, r), { type: 'expired', at: deadline }],
    };
  }
  // Most decisions come within the hour; some wait for the next working day.
  const decidedAt = at + Math.min(30_000 * Math.exp(r.next() * Math.log(4320)), (Math.min(deadline, now) - at) * 0.95);
  if (r.chance(0.17)) {
    const partial = r.int(0, needed - 1);
    return {
      at,
      agent,
      grant,
      gate: 'pending_review',
      status: 'rejected',
      steps: [...proposal, ...spread('approval', partial, at, decidedAt, r), { type: 'rejected', at: decidedAt }],
    };
  }
  const run = execution(decidedAt + 2000 + r.next() * 178_000, now, r);
  return {
    at,
    agent,
    grant,
    gate: 'pending_review',
    status: run.status,
    steps: [
      ...proposal,
      ...spread('approval', needed - 1, at, decidedAt, r),
      { type: 'approved', at: decidedAt },
      ...run.steps,
    ],
  };
}

/** An approved action's claim and result, as far as they have happened by now. */
function execution(claimAt: number, now: number, r: Random): { status: string; steps: Step[] } {
  if (claimAt > now || r.chance(0.02)) return { status: 'approved', steps: [] };
  const resultAt = claimAt + 100 + r.next() * 20_000;
  if (resultAt > now) return { status: 'executing', steps: [{ type: 'claimed', at: claimAt }] };
  const ok = r.chance(0.95);
  return {
    status: ok ? 'succeeded' : 'failed',
    steps: [
      { type: 'claimed', at: claimAt },
      { type: ok ? 'succeeded' : 'failed', at: resultAt },
    ],
  };
}

/** A call the gate refused without recording an action: over a rate limit, or parameters that fail the schema. */
function refusedPlan({ agent, grant }: { agent: AgentInfo; grant: GrantInfo }, at: number, r: Random): Plan {
  const type = grant.policy.rateLimit && r.chance(0.8) ? 'throttled' : 'params_invalid';
  return { at, agent, grant, gate: 'refused', status: type, steps: [{ type, at }] };
}

/** `count` approvals before the decision, in time order. */
function spread(type: StepType, count: number, from: number, to: number, r: Random): Step[] {
  return Array.from({ length: count }, () => from + (to - from) * (0.1 + 0.8 * r.next()))
    .sort((a, b) => a - b)
    .map((at) => ({ type, at }));
}

export function required(grant: GrantInfo): number {
  return Math.max(grant.policy.approvals, grant.policy.requiredGroups.length, 1);
}

/** Times within a range, busier in working hours (UTC) than at night. */
class TimeSampler {
  constructor(
    readonly now: number,
    private readonly r: Random,
  ) {}

  between(from: number, to: number): number {
    for (;;) {
      const at = Math.floor(from + (to - from) * this.r.next());
      const hour = new Date(at).getUTCHours();
      const busy = hour >= 7 && hour < 19 ? 1 : hour >= 19 ? 0.5 : 0.2;
      if (this.r.next() < busy) return at;
    }
  }
}
