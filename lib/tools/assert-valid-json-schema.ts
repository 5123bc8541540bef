import { WardenError } from '../errors';
import { createJsonSchemaEngine } from './json-schema';

/** Refuses a parameter schema that does not compile, naming what is wrong. */
export function assertValidJsonSchema(schema: Record<string, unknown>): void {
  try {
    createJsonSchemaEngine().compile(schema);
  } catch (error) {
    const message = (error as Error).message;
    throw new WardenError('invalid_input', `The parameter schema is not valid JSON Schema: ${message}`, { issues: [{ path: 'parameters', message }] });
  }
  if (schema.type !== 'object') {
    throw new WardenError('invalid_input', 'The parameter schema must describe an object ("type": "object").', {
      issues: [{ path: 'parameters', message: 'type must be "object"' }],
    });
  }
}
