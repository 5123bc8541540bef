import { assessRisk, riskMask, riskWeight, RISK_RULES_VERSION, type RiskInput } from './assess-risk';

export type RiskColumns = { riskFlags: string; riskMask: number; riskWeight: number; riskVersion: number };

/** An action's stored risk (Action.riskFlags/riskMask/riskWeight/riskVersion), from the version that would run. */
export function riskColumns(input: RiskInput): RiskColumns {
  const flags = assessRisk(input);
  return { riskFlags: JSON.stringify(flags), riskMask: riskMask(flags), riskWeight: riskWeight(flags), riskVersion: RISK_RULES_VERSION };
}
