import { describe, expect, it } from 'vitest';
import { schemaParamPaths, unknownConditionParams } from './grant-param-paths';

describe('schemaParamPaths', () => {
  it('lists properties, nested objects dotted, arrays not entered', () => {
    const schema = {
      type: 'object',
      properties: {
        amount: { type: 'number' },
        customer: {
          type: 'object',
          properties: { email: { type: 'string' }, address: { type: 'object', properties: { country: {} } } },
        },
        lines: { type: 'array', items: { type: 'object', properties: { sku: {} } } },
      },
    };
    expect(schemaParamPaths(schema)).toEqual([
      'amount',
      'customer',
      'customer.email',
      'customer.address',
      'customer.address.country',
      'lines',
    ]);
  });

  it.each([[null], [{}], [{ properties: [] }], ['text']])('no properties in %j → none', (schema) => {
    expect(schemaParamPaths(schema)).toEqual([]);
  });
});

describe('unknownConditionParams', () => {
  it('names the conditions whose parameter the schema does not have (the amout case)', () => {
    expect(unknownConditionParams([{ param: 'amount' }, { param: 'amout' }], ['amount', 'currency'])).toEqual([
      { index: 1, param: 'amout' },
    ]);
  });
});
