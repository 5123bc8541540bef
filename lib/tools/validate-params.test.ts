import { describe, expect, it } from 'vitest';
import { validateParams } from './validate-params';

const schema = JSON.stringify({
  type: 'object',
  required: ['orderId', 'amount'],
  additionalProperties: false,
  properties: {
    orderId: { type: 'string' },
    amount: { type: 'number', exclusiveMinimum: 0 },
    to: { type: 'string', format: 'email' },
  },
});

describe('validateParams', () => {
  it.each<[string, unknown, { path: string }[]]>([
    ['valid', { orderId: 'A1', amount: 3 }, []],
    ['missing field named', { amount: 3 }, [{ path: 'params.orderId' }]],
    ['wrong type named', { orderId: 'A1', amount: 'three' }, [{ path: 'params.amount' }]],
    ['out of range', { orderId: 'A1', amount: 0 }, [{ path: 'params.amount' }]],
    ['format enforced', { orderId: 'A1', amount: 1, to: 'not-an-email' }, [{ path: 'params.to' }]],
    ['extra field refused by name', { orderId: 'A1', amount: 1, admin: true }, [{ path: 'params.admin' }]],
  ])('%s', (_name, params, expected) => {
    expect(validateParams(schema, params).map(({ path }) => ({ path }))).toEqual(expected);
  });

  it('fails closed on a schema that does not compile', () => {
    expect(validateParams('{"type": 12}', {})).toEqual([
      { path: '(schema)', message: 'the tool has an invalid parameter schema' },
    ]);
  });
});

describe('validateParams: schema patterns run in linear time', () => {
  const patterned = JSON.stringify({
    type: 'object',
    properties: { note: { type: 'string', pattern: '^(\\w+\\s?)+$' } },
  });

  it('a catastrophic pattern on a long value answers at once, and is still enforced', () => {
    expect(validateParams(patterned, { note: `${'a'.repeat(5000)}!` })).toEqual([
      { path: 'params.note', message: 'must match pattern "^(\\w+\\s?)+$"' },
    ]);
    expect(validateParams(patterned, { note: 'two words' })).toEqual([]);
  });

  it('a schema whose pattern RE2 cannot compile fails closed', () => {
    const backreference = JSON.stringify({ type: 'object', properties: { a: { type: 'string', pattern: '(x)\\1' } } });
    expect(validateParams(backreference, { a: 'xx' })).toEqual([
      { path: '(schema)', message: 'the tool has an invalid parameter schema' },
    ]);
  });
});

describe('validateParams: each schema keeps its own pattern', () => {
  it('two tools with different patterns, validated by the one shared engine, each check theirs', () => {
    const invoice = JSON.stringify({
      type: 'object',
      properties: { id: { type: 'string', pattern: '^INV-[0-9]{6}$' } },
    });
    const phone = JSON.stringify({
      type: 'object',
      properties: { phone: { type: 'string', pattern: '^\\+[0-9]{8,15}$' } },
    });
    expect(validateParams(invoice, { id: 'INV-123456' })).toEqual([]);
    expect(validateParams(phone, { phone: '+491712345678' })).toEqual([]);
    expect(validateParams(phone, { phone: 'INV-123456' })).toEqual([
      { path: 'params.phone', message: 'must match pattern "^\\+[0-9]{8,15}$"' },
    ]);
  });
});
