import type { Tx } from '../db/client';
import { invalidInput } from '../errors';
import { floorViolation } from '../policy/admin-floors';
import { schemaParamPaths, unknownConditionParams } from '../policy/grant-param-paths';
import { readToolFloor } from '../floors/read-tool-floor';
import type { GrantRules } from './schemas';

type ToolRow = { id: string; name: string; actionLevel: string; parameters: string };

/**
 * Every condition names a parameter of the tool's JSON Schema: a misspelt one ("amout") would check a value that is
 * never there, silently dropping the cap it was meant to be. 422 naming each.
 */
export function assertConditionParamsKnown(tool: ToolRow, rules: Pick<GrantRules, 'constraints'>): void {
  const unknown = unknownConditionParams(rules.constraints, schemaParamPaths(JSON.parse(tool.parameters)));
  if (unknown.length === 0) return;
  const issues = unknown.map(({ index, param }) => ({
    path: `constraints.${index}.param`,
    message: `${param} is not a parameter of ${tool.name}`,
  }));
  throw invalidInput(`${issues.map((issue) => issue.message).join('; ')}.`, issues);
}

/** Owners cannot go below the admin floor for the tool: 422 naming the floor. */
export async function assertMeetsFloor(
  tx: Tx,
  tool: ToolRow,
  rules: Pick<GrantRules, 'approvals' | 'requiredGroups'>,
): Promise<void> {
  const violation = floorViolation(rules, await readToolFloor(tx, tool));
  if (violation) throw invalidInput(`${violation}.`, [{ path: 'approvals', message: violation }]);
}
