import { isWriteLevel, type ActionLevel } from '../policy/action-levels';
import { canonicalJson } from '../policy/canonical-json';
import { describeInstruction, detectInstructions } from './detect-instructions';
import { describeFlaggedPath, inspectValue } from './inspect-text';

/**
 * Why a reviewer should look twice at an action: each flag names its cause ("amount 1,200 > 500",
 * "params.body: contains an HTML <script> tag"). Flags must discriminate: one that sits on every row teaches
 * reviewers to ignore the colour, so what every call of a tool shares (external, cannot roll back) is shown with
 * the tool's level instead (components/action-level-badge.tsx), and each flag carries a severity.
 * Pure and client-safe: the queue stores `riskMask` and sorts by `riskWeight`; the review card lists the causes.
 */
export type RiskSeverity = 'high' | 'medium' | 'low';

export const RISK_FLAGS = {
  review_rule: { label: 'Risk rule', severity: 'high', bit: 1 },
  hostile_text: { label: 'Hidden or markup text', severity: 'high', bit: 2 },
  instruction_text: { label: 'Instruction-like text', severity: 'high', bit: 4 },
  changed_payee: { label: 'Changed payee', severity: 'high', bit: 8 },
  no_sources: { label: 'No sources', severity: 'medium', bit: 16 },
  unverified_requester: { label: 'Requester not verified', severity: 'low', bit: 32 },
} as const satisfies Record<string, { label: string; severity: RiskSeverity; bit: number }>;

export type RiskFlagCode = keyof typeof RISK_FLAGS;

const SEVERITY_RANK: Record<RiskSeverity, number> = { high: 0, medium: 1, low: 2 };
const SEVERITY_WEIGHT: Record<RiskSeverity, number> = { high: 100, medium: 10, low: 1 };

/** Most severe first; within a severity, in the order of RISK_FLAGS. */
export const RISK_FLAG_CODES: RiskFlagCode[] = (Object.keys(RISK_FLAGS) as RiskFlagCode[]).sort(
  (a, b) => SEVERITY_RANK[RISK_FLAGS[a].severity] - SEVERITY_RANK[RISK_FLAGS[b].severity],
);
const CODE_RANK = new Map(RISK_FLAG_CODES.map((code, index) => [code, index]));

export type RiskFlag = { code: RiskFlagCode; label: string; cause: string; severity: RiskSeverity };

export type RiskInput = {
  actionLevel: ActionLevel | null;
  /** The gate's reasons, as stored ("review: …", "allowed: …"). */
  gateReasons: readonly string[];
  /** The version that would run (a reviewer's edit if there is one). */
  params: unknown;
  reason: string | null;
  sources: readonly unknown[];
  requester: string | null;
  requesterVerified: boolean;
  /** The record as the agent read it, for a before/after. */
  currentValues: Record<string, unknown> | null;
};

/**
 * One cause of one flag and where it was found (a parameter path, a payee field), so a caller that masks
 * sensitive fields can tell which causes quote them (see assess-risk-for-viewer.ts).
 */
export type RiskFinding = { code: RiskFlagCode; cause: string; where: string | null };

// The baseline reasons a grant gives for review; they are policy, not risk.
const BASELINE_REVIEW = /^review: grant requires (approval|\d+ approvals|an approval from each of)/;

/** Every flag of one action: most severe first, then in code order, then by cause. */
export function assessRisk(input: RiskInput): RiskFlag[] {
  return toRiskFlags(findRisks(input));
}

export function toRiskFlags(findings: readonly RiskFinding[]): RiskFlag[] {
  return findings
    .map(({ code, cause }) => ({ code, label: RISK_FLAGS[code].label, cause, severity: RISK_FLAGS[code].severity }))
    .sort(
      (a, b) => CODE_RANK.get(a.code)! - CODE_RANK.get(b.code)! || (a.cause < b.cause ? -1 : a.cause > b.cause ? 1 : 0),
    );
}

/** The causes behind assessRisk, unsorted. */
export function findRisks(input: RiskInput): RiskFinding[] {
  const findings: RiskFinding[] = [];
  const add = (code: RiskFlagCode, cause: string, where: string | null = null) => findings.push({ code, cause, where });

  for (const reason of input.gateReasons) {
    if (reason.startsWith('review: ') && !BASELINE_REVIEW.test(reason))
      add('review_rule', reason.slice('review: '.length));
  }
  const hostile = [
    ...inspectValue(input.params, 'params'),
    ...(input.reason ? inspectValue(input.reason, 'reason') : []),
    ...inspectValue(input.sources, 'sources'),
  ];
  for (const flagged of hostile) add('hostile_text', describeFlaggedPath(flagged), flagged.path);
  const instructions = [
    ...(input.reason ? detectInstructions(input.reason, 'reason') : []),
    ...detectInstructions(input.params, 'params'),
    ...detectInstructions(input.sources, 'sources'),
  ];
  for (const found of instructions) add('instruction_text', describeInstruction(found), found.path);
  if (input.currentValues) {
    for (const change of payeeChanges(input.currentValues, input.params)) {
      add(
        'changed_payee',
        `"${change.field}" changes from ${shorten(change.before)} to ${shorten(change.after)}`,
        change.field,
      );
    }
  }
  const writes = input.actionLevel !== null && isWriteLevel(input.actionLevel);
  if (writes && input.sources.length === 0) add('no_sources', 'a write action that cites no source');
  if (input.requester && !input.requesterVerified)
    add('unverified_requester', `"${input.requester}" was named by the agent, not signed`);
  return findings;
}

/** OR of the flags' bits: what the queue stores per action and filters on. */
export function riskMask(flags: readonly RiskFlag[]): number {
  return flags.reduce((mask, flag) => mask | RISK_FLAGS[flag.code].bit, 0);
}

/** Sort weight: each distinct code counts once, a high flag outweighing any number of lower ones in practice. */
export function riskWeight(flags: readonly RiskFlag[]): number {
  return [...new Set(flags.map((flag) => flag.code))].reduce(
    (sum, code) => sum + SEVERITY_WEIGHT[RISK_FLAGS[code].severity],
    0,
  );
}

export function riskCodesOfMask(mask: number): RiskFlagCode[] {
  return RISK_FLAG_CODES.filter((code) => (mask & RISK_FLAGS[code].bit) !== 0);
}

// Where money or a message goes. Keys are compared lower-cased without separators ("sort_code" → "sortcode").
const PAYEE_KEYS = new Set([
  'iban',
  'account',
  'accountnumber',
  'accountno',
  'bankaccount',
  'bankaccountnumber',
  'payee',
  'payeeaccount',
  'beneficiary',
  'beneficiaryaccount',
  'recipient',
  'routingnumber',
  'abanumber',
  'sortcode',
  'swift',
  'swiftcode',
  'bic',
  'wallet',
  'walletaddress',
]);
// Longer names that end in a payee word ("vendorIban", "payoutAccountNumber"); not "bic", which ends "public".
const PAYEE_SUFFIXES = [
  'iban',
  'accountnumber',
  'bankaccount',
  'routingnumber',
  'sortcode',
  'swiftcode',
  'walletaddress',
];

export function isPayeeKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[\s_-]/g, '');
  return PAYEE_KEYS.has(normalized) || PAYEE_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

type PayeeChange = { field: string; before: unknown; after: unknown };

/**
 * Payee-like fields the parameters set to something other than the record's current value, at the top level or one
 * level down (`bank.iban`). A field the parameters leave out is untouched; one the record lacks changes from nothing.
 */
function payeeChanges(current: Record<string, unknown>, params: unknown): PayeeChange[] {
  const changes: PayeeChange[] = [];
  const compare = (before: unknown, after: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [key, value] of Object.entries(after)) {
      const was = isRecord(before) && Object.hasOwn(before, key) ? before[key] : undefined;
      if (isPayeeKey(key)) {
        if (value !== undefined && canonicalJson(value) !== canonicalJson(was))
          changes.push({ field: prefix + key, before: was, after: value });
      } else if (depth === 0 && isRecord(value)) {
        compare(was, value, `${prefix}${key}.`, depth + 1);
      }
    }
  };
  if (isRecord(params)) compare(current, params, '', 0);
  return changes;
}

/** A value short enough for a cause; the middle is cut, since an account number's end matters as much as its start. */
function shorten(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = Array.from(typeof value === 'string' ? `"${value}"` : canonicalJson(value));
  return text.length <= 28 ? text.join('') : `${text.slice(0, 14).join('')}…${text.slice(-10).join('')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The version of these rules. Stored with each action's flags (Action.riskVersion): when the rules change, bump it,
 * and the background job re-assesses the pending actions assessed under an older one.
 */
export const RISK_RULES_VERSION = 1;
