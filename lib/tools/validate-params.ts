import Ajv, { type ValidateFunction } from 'ajv';
import type { FieldIssue } from '../errors';

/**
 * Validates parameters against a tool's JSON Schema. Compiled validators are cached by schema text;
 * a schema that cannot be compiled rejects every call (fail closed) rather than letting parameters through.
 */
const ajv = new Ajv({ allErrors: true, strict: false });
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
    const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : null;
    const pointer = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const path = ['params', pointer, missing].filter(Boolean).join('.');
    return { path, message: missing ? 'is required' : (error.message ?? 'is invalid') };
  });
}
