import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { compileLinearRegex } from '../policy/linear-regex';

/**
 * A schema's `pattern` and `patternProperties` are written by admins but run on agents' values: RE2 (linear time),
 * never the backtracking RegExp. A pattern RE2 cannot compile makes the schema fail to compile (refused at save).
 */
const linearRegExp: NonNullable<NonNullable<Options['code']>['regExp']> = Object.assign(
  (pattern: string) => compileLinearRegex(pattern, { anchored: false }),
  {
    code: 'linearRegExp',
  },
);

/**
 * The one JSON Schema engine for tool parameters. Formats (email, uri, date-time, …) are enforced, not ignored;
 * strict mode is off so schemas written for other validators still compile.
 */
export function createJsonSchemaEngine(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, code: { regExp: linearRegExp } });
  addFormats(ajv);
  return ajv;
}
