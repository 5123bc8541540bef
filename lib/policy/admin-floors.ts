import { ACTION_LEVEL_LABELS, type ActionLevel } from './action-levels';
import type { GrantPolicy } from './grant-policy';

/**
 * Admin floors: the fewest approvals a grant must require, per action level and per tool. Pure and client-safe.
 * A fresh install asks one human for every external call (money, e-mail, anything that leaves the company) before
 * any admin has set a floor; the other levels start at 0.
 */
export const DEFAULT_LEVEL_FLOORS: Readonly<Record<ActionLevel, number>> = {
  read: 0,
  draft: 0,
  classify: 0,
  create: 0,
  update: 0,
  external: 1,
};

export const MAX_FLOOR = 5;

/** What is stored for one tool: its level's floor (null = the default) and its own (null = none). */
export type StoredFloors = { level: number | null; tool: number | null };

export type ApplicableFloor = {
  minApprovals: number;
  /** Which floor decides: the tool's own only when it is above its level's. */
  source: 'level' | 'tool';
  /** Names the floor for people: "external tools need at least 1 approval (admin floor)". */
  message: string;
};

/** The floor for one tool: a tool floor raises its level's floor, never lowers it. */
export function applicableFloor(
  tool: { name: string; actionLevel: ActionLevel },
  stored: StoredFloors,
): ApplicableFloor {
  const level = stored.level ?? DEFAULT_LEVEL_FLOORS[tool.actionLevel];
  const own = stored.tool ?? 0;
  const source = own > level ? 'tool' : 'level';
  const minApprovals = Math.max(level, own);
  const subject = source === 'tool' ? tool.name : `${ACTION_LEVEL_LABELS[tool.actionLevel].toLowerCase()} tools`;
  const verb = source === 'tool' ? 'needs' : 'need';
  return { minApprovals, source, message: `${subject} ${verb} at least ${approvalsWord(minApprovals)} (admin floor)` };
}

/** The approvals every call under these rules waits for: N reviewers, and one per required group. */
export function guaranteedApprovals(rules: Pick<GrantPolicy, 'approvals' | 'requiredGroups'>): number {
  return Math.max(rules.approvals, rules.requiredGroups.length);
}

/** null when the rules meet the floor; otherwise the floor's message. */
export function floorViolation(
  rules: Pick<GrantPolicy, 'approvals' | 'requiredGroups'>,
  floor: ApplicableFloor,
): string | null {
  return guaranteedApprovals(rules) >= floor.minApprovals ? null : floor.message;
}

export function approvalsWord(count: number): string {
  return count === 1 ? '1 approval' : `${count} approvals`;
}
