import { WardenError, type FieldIssue } from '../errors';
import { linearRegexProblem } from '../policy/linear-regex';
import { createJsonSchemaEngine } from './json-schema';

/** Refuses a parameter schema that does not compile, naming what is wrong (a pattern by its place in the schema). */
export function assertValidJsonSchema(schema: Record<string, unknown>): void {
  const patterns = patternProblems(schema, ['parameters']);
  const [first] = patterns;
  if (first) {
    throw new WardenError('invalid_input', `The parameter schema has a pattern Warden cannot run: ${first.path}.`, {
      issues: patterns,
    });
  }
  try {
    createJsonSchemaEngine().compile(schema);
  } catch (error) {
    const message = (error as Error).message;
    throw new WardenError('invalid_input', `The parameter schema is not valid JSON Schema: ${message}`, {
      issues: [{ path: 'parameters', message }],
    });
  }
  if (schema.type !== 'object') {
    throw new WardenError('invalid_input', 'The parameter schema must describe an object ("type": "object").', {
      issues: [{ path: 'parameters', message: 'type must be "object"' }],
    });
  }
}

/** Every `pattern` and `patternProperties` key RE2 refuses (backreferences, lookaround), with its dotted place. */
function patternProblems(node: unknown, path: string[]): FieldIssue[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((item, index) => patternProblems(item, [...path, String(index)]));
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'pattern' && typeof value === 'string') {
      const problem = linearRegexProblem(value);
      if (problem) issues.push({ path: [...path, key].join('.'), message: problem });
    }
    if (key === 'patternProperties' && value && typeof value === 'object') {
      for (const name of Object.keys(value)) {
        const problem = linearRegexProblem(name);
        if (problem) issues.push({ path: [...path, key, name].join('.'), message: problem });
      }
    }
    issues.push(...patternProblems(value, [...path, key]));
  }
  return issues;
}
