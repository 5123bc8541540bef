import type { ActionLevel } from '../policy/action-levels';
import { assessRisk, riskMask, riskWeight, RISK_RULES_VERSION, type RiskInput } from './assess-risk';

export type RiskColumns = { riskFlags: string; riskMask: number; riskWeight: number; riskVersion: number };

/** An action's stored risk (Action.riskFlags/riskMask/riskWeight/riskVersion), from the version that would run. */
export function riskColumns(input: RiskInput): RiskColumns {
  const flags = assessRisk(input);
  return {
    riskFlags: JSON.stringify(flags),
    riskMask: riskMask(flags),
    riskWeight: riskWeight(flags),
    riskVersion: RISK_RULES_VERSION,
  };
}

/** The columns an action row stores its proposal in (JSON text), as assessRisk reads them. */
export type StoredProposal = {
  gateReasons: string;
  reason: string | null;
  sources: string;
  requester: string | null;
  requesterVerified: boolean;
  currentValues: string | null;
};

/** riskColumns of a stored action, for `params` (the version that would run) and its tool's level. */
export function riskColumnsOfStored(
  action: StoredProposal,
  actionLevel: string | null | undefined,
  params: unknown,
): RiskColumns {
  return riskColumns({
    actionLevel: (actionLevel as ActionLevel | null | undefined) ?? null,
    gateReasons: JSON.parse(action.gateReasons) as string[],
    params,
    reason: action.reason,
    sources: JSON.parse(action.sources) as unknown[],
    requester: action.requester,
    requesterVerified: action.requesterVerified,
    currentValues: action.currentValues ? (JSON.parse(action.currentValues) as Record<string, unknown>) : null,
  });
}
