import type { ErrorObject, ValidateFunction } from 'ajv';
import { createJsonSchemaEngine } from './json-schema';
import type { FieldIssue } from '../errors';

/**
 * Validates parameters against a tool's JSON Schema. Compiled validators are cached by schema text;
 * a schema that cannot be compiled rejects every call (fail closed) rather than letting parameters through.
 */
const ajv = createJsonSchemaEngine();
const cache = new Map<string, ValidateFunction | Error>();

function compile(schemaText: string): ValidateFunction | Error {
  let compiled = cache.get(schemaText);
  if (!compiled) {
    try {
      compiled = ajv.compile(JSON.parse(schemaText));
    } catch (error) {
      compiled = error instanceof Error ? error : new Error(String(error));
    }
    cache.set(schemaText, compiled);
  }
  return compiled;
}

export function validateParams(schemaText: string, params: unknown): FieldIssue[] {
  const validate = compile(schemaText);
  if (validate instanceof Error) return [{ path: '(schema)', message: 'the tool has an invalid parameter schema' }];
  if (validate(params)) return [];
  return (validate.errors ?? []).map((error) => {
    const pointer = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const named = namedProperty(error);
    const path = ['params', pointer, named].filter(Boolean).join('.');
    if (error.keyword === 'required') return { path, message: 'is required' };
    if (error.keyword === 'additionalProperties') return { path, message: 'is not a parameter of this tool' };
    return { path, message: error.message ?? 'is invalid' };
  });
}

/** For "required" and "additionalProperties" errors Ajv reports the parent; name the property itself. */
function namedProperty(error: ErrorObject): string | null {
  if (error.keyword === 'required') return (error.params as { missingProperty: string }).missingProperty;
  if (error.keyword === 'additionalProperties')
    return (error.params as { additionalProperty: string }).additionalProperty;
  return null;
}
