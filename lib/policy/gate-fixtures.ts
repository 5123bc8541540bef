import type { ActionLevel } from './action-levels';
import type { GateFacts } from './decide-proposal';
import { OPEN_GRANT_POLICY, type GrantPolicy } from './grant-policy';

/** Builders for decision tests: a live, active agent with an open grant on an update tool, and nothing counted yet. */
export const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

export function facts(
  overrides: Partial<Omit<GateFacts, 'grant'>> & { grant?: Partial<GrantPolicy> | null } = {},
): GateFacts {
  const { grant, ...rest } = overrides;
  return {
    now: NOW,
    globalStop: false,
    agent: { status: 'active', mode: 'live', environment: 'production' },
    tool: tool(),
    proposal: { params: { amount: 100, to: 'ann@example.com' }, reason: 'customer asked' },
    counters: { callsInWindow: 0, callsInTrace: 0, pending: 0, repeatsInWindow: 0 },
    requester: { status: 'none' },
    ...rest,
    grant: grant === null ? null : { ...OPEN_GRANT_POLICY, ...grant },
  };
}

export function tool(actionLevel: ActionLevel = 'update', enabled = true) {
  return { name: 'refund.issue', actionLevel, enabled };
}
