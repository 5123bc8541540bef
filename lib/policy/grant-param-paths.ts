/**
 * The parameters a grant's conditions may name: every property path of the tool's JSON Schema, nested objects
 * dotted ("customer.email"). Arrays are not entered: a condition on an array parameter checks each element.
 * Pure and client-safe; the grant editor offers these, and a save naming anything else is refused.
 */
export function schemaParamPaths(schema: unknown, prefix = '', depth = 0): string[] {
  if (!isObject(schema) || !isObject(schema.properties) || depth > 8) return [];
  return Object.entries(schema.properties).flatMap(([name, child]) => [
    prefix + name,
    ...schemaParamPaths(child, `${prefix}${name}.`, depth + 1),
  ]);
}

/** The conditions whose parameter is not in the tool's schema, with their index. */
export function unknownConditionParams(
  constraints: readonly { param: string }[],
  paths: readonly string[],
): { index: number; param: string }[] {
  const known = new Set(paths);
  return constraints.flatMap((constraint, index) =>
    known.has(constraint.param) ? [] : [{ index, param: constraint.param }],
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
