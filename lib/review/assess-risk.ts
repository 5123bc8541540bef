import { isWriteLevel, type ActionLevel } from '../policy/action-levels';
import { describeFlaggedPath, inspectValue } from './inspect-text';

/**
 * Why a reviewer should look twice at an action: each flag names its cause ("review: amount 1,200 > 500",
 * "params.body: contains an HTML <script> tag"). Pure and client-safe: the queue filters and counts by these codes,
 * the review card lists them with their causes.
 */
export const RISK_FLAGS = {
  review_rule: 'Risk rule',
  hostile_text: 'Hidden or markup text',
  no_sources: 'No sources',
  external: 'Leaves the company',
  irreversible: 'Cannot be rolled back',
  unverified_requester: 'Requester not verified',
} as const;
export type RiskFlagCode = keyof typeof RISK_FLAGS;
export type RiskFlag = { code: RiskFlagCode; label: string; cause: string };

export type RiskInput = {
  actionLevel: ActionLevel | null;
  supportsRollback: boolean;
  /** The gate's reasons, as stored ("review: …", "allowed: …"). */
  gateReasons: readonly string[];
  params: unknown;
  reason: string | null;
  sources: readonly unknown[];
  requester: string | null;
  requesterVerified: boolean;
};

// The baseline reasons a grant gives for review; they are policy, not risk.
const BASELINE_REVIEW = /^review: grant requires (approval|\d+ approvals|an approval from each of)/;

/** Every flag of one action, in a fixed order (by code, then by cause). */
export function assessRisk(input: RiskInput): RiskFlag[] {
  const flags: RiskFlag[] = [];
  const add = (code: RiskFlagCode, cause: string) => flags.push({ code, label: RISK_FLAGS[code], cause });

  for (const reason of input.gateReasons) {
    if (reason.startsWith('review: ') && !BASELINE_REVIEW.test(reason)) add('review_rule', reason.slice('review: '.length));
  }
  const hostile = [
    ...inspectValue(input.params, 'params'),
    ...(input.reason ? inspectValue(input.reason, 'reason') : []),
    ...inspectValue(input.sources, 'sources'),
  ];
  for (const flagged of hostile) add('hostile_text', describeFlaggedPath(flagged));
  const writes = input.actionLevel !== null && isWriteLevel(input.actionLevel);
  if (writes && input.sources.length === 0) add('no_sources', 'a write action that cites no source');
  if (input.actionLevel === 'external') add('external', 'sends or publishes outside Warden (external action)');
  if (writes && !input.supportsRollback) add('irreversible', 'the tool does not support rollback');
  if (input.requester && !input.requesterVerified) add('unverified_requester', `"${input.requester}" was named by the agent, not signed`);
  return flags;
}
