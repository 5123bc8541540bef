import { describe, expect, it } from 'vitest';
import { mappingSyntaxIssues, parseMappingPath, resolveRollbackMapping } from './rollback-mapping';

describe('parseMappingPath', () => {
  it.each([
    ['$.params.orderId', { root: 'params', steps: ['orderId'] }],
    ['$.result.refundId', { root: 'result', steps: ['refundId'] }],
    ['$.result', { root: 'result', steps: [] }],
    ['$.result.refunds[0].id', { root: 'result', steps: ['refunds', 0, 'id'] }],
    ['$.params.lines[12][3]', { root: 'params', steps: ['lines', 12, 3] }],
    ['$.params.a.b_c.$d', { root: 'params', steps: ['a', 'b_c', '$d'] }],
    ['$.params.order-id', { root: 'params', steps: ['order-id'] }],
  ])('%s parses', (text, expected) => {
    expect(parseMappingPath(text)).toEqual(expected);
  });

  it.each([
    ['', 'must start with $.params or $.result'],
    ['params.orderId', 'must start with $.params or $.result'],
    ['$.body.x', 'must start with $.params or $.result'],
    ['$.params', 'name a parameter: $.params.<name>'],
    ['$.params.', 'expected a key after "." at character 9'],
    ['$.params.a..b', 'expected a key after "." at character 11'],
    ['$.params.a[*]', 'expected ".key" or "[n]" at character 11'],
    ['$.params.a[-1]', 'expected ".key" or "[n]" at character 11'],
    ['$.params.a[01]', 'expected ".key" or "[n]" at character 11'],
    ["$.params['a']", 'expected ".key" or "[n]" at character 9'],
    ['$.params.a b', 'expected ".key" or "[n]" at character 11'],
    ['$.resultx', 'expected ".key" or "[n]" at character 9'],
  ])('%j is refused: %s', (text, error) => {
    expect(parseMappingPath(text)).toEqual({ error });
  });
});

describe('mappingSyntaxIssues', () => {
  it('names each bad entry by its parameter', () => {
    expect(mappingSyntaxIssues({ refundId: '$.result.refundId', orderId: 'orderId' })).toEqual([
      { param: 'orderId', message: 'orderId: must start with $.params or $.result' },
    ]);
    expect(mappingSyntaxIssues({})).toEqual([]);
  });
});

describe('resolveRollbackMapping', () => {
  const source = {
    params: { orderId: 'o-1', amount: 25, lines: [{ sku: 'A' }, { sku: 'B' }], flag: false, zero: 0 },
    result: { refundId: 'r-9', refunds: [{ id: 'r-9' }], nothing: null },
  };

  it.each([
    [
      { refundId: '$.result.refundId', orderId: '$.params.orderId' },
      { refundId: 'r-9', orderId: 'o-1' },
    ],
    [{ sku: '$.params.lines[1].sku' }, { sku: 'B' }],
    [{ id: '$.result.refunds[0].id' }, { id: 'r-9' }],
    [
      { flag: '$.params.flag', zero: '$.params.zero' },
      { flag: false, zero: 0 },
    ],
    [{ whole: '$.result' }, { whole: source.result }],
    [{ lines: '$.params.lines' }, { lines: source.params.lines }],
    [{}, {}],
  ])('%j resolves', (mapping, params) => {
    expect(resolveRollbackMapping(mapping, source)).toEqual({ ok: true, params });
  });

  it.each([
    [{ refundId: '$.result.missing' }, 'refundId', '$.result.missing has no value in the original action'],
    [{ x: '$.result.nothing' }, 'x', '$.result.nothing has no value in the original action'],
    [{ x: '$.params.lines[2].sku' }, 'x', '$.params.lines[2].sku has no value in the original action'],
    [{ x: '$.params.orderId.length' }, 'x', '$.params.orderId.length has no value in the original action'],
    [{ x: '$.params.lines.sku' }, 'x', '$.params.lines.sku has no value in the original action'],
    [{ x: '$.params.amount[0]' }, 'x', '$.params.amount[0] has no value in the original action'],
    [{ x: '$.params.toString' }, 'x', '$.params.toString has no value in the original action'],
    [{ x: 'nope' }, 'x', 'nope: must start with $.params or $.result'],
  ])('%j fails naming %s', (mapping, param, message) => {
    const path = Object.values(mapping)[0];
    expect(resolveRollbackMapping(mapping, source)).toEqual({ ok: false, param, path, message });
  });

  it('fails when the original has no result', () => {
    expect(resolveRollbackMapping({ r: '$.result.refundId' }, { params: {}, result: null })).toMatchObject({
      ok: false,
      param: 'r',
    });
  });
});
