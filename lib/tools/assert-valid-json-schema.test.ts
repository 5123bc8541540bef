import { describe, expect, it } from 'vitest';
import { assertValidJsonSchema } from './assert-valid-json-schema';

describe('assertValidJsonSchema: patterns RE2 cannot run are refused by their place', () => {
  it.each([
    [
      'backreference',
      { type: 'object', properties: { a: { type: 'string', pattern: '(x)\\1' } } },
      'parameters.properties.a.pattern',
    ],
    [
      'lookahead',
      { type: 'object', properties: { a: { type: 'array', items: { type: 'string', pattern: '(?=x)x' } } } },
      'parameters.properties.a.items.pattern',
    ],
    [
      'patternProperties',
      { type: 'object', patternProperties: { '(?!x)': { type: 'string' } } },
      'parameters.patternProperties.(?!x)',
    ],
  ])('%s', (_name, schema, path) => {
    expect(() => assertValidJsonSchema(schema)).toThrow(
      expect.objectContaining({ code: 'invalid_input', details: { issues: [expect.objectContaining({ path })] } }),
    );
  });

  it('accepts a pattern RE2 runs', () => {
    expect(() =>
      assertValidJsonSchema({ type: 'object', properties: { a: { type: 'string', pattern: '^ORD-\\d+$' } } }),
    ).not.toThrow();
  });
});
