import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The one JSON Schema engine for tool parameters. Formats (email, uri, date-time, …) are enforced, not ignored;
 * strict mode is off so schemas written for other validators still compile.
 */
export function createJsonSchemaEngine(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}
