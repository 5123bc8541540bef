import { describe, expect, it } from 'vitest';
import { findJsonIssue } from './scan-json';

const deep = (levels: number, inner = '1') => '{"a":'.repeat(levels) + inner + '}'.repeat(levels);

describe('findJsonIssue', () => {
  it.each([
    ['a plain proposal', '{"tool":"t","params":{"amount":12.5,"to":["a","b"]}}'],
    ['32 levels', deep(32)],
    ['escaped quotes and backslashes', String.raw`{"a":"x\"y\\","b":"\\u0000 is text here"}`],
    ['a surrogate pair', String.raw`{"a":"\ud83d\ude00"}`],
    ['control characters other than NUL', '{"a":"\\u0007\\u001b[31m\\t"}'],
    ['the same key in sibling objects', '{"a":{"k":1},"b":{"k":2}}'],
    ['2^53 - 1 and large doubles', '{"a":9007199254740991,"b":1e300,"c":-1.5e-300}'],
    ['malformed JSON (left to JSON.parse)', '{"a":'],
    ['keys that merely contain proto', '{"__proto":1,"protos":2,"Constructor":3}'],
  ])('accepts %s', (_name, text) => {
    expect(findJsonIssue(text)).toBeNull();
  });

  it.each([
    [
      '33 levels',
      deep(33),
      'a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a',
      'nested deeper than 32 levels',
    ],
    [
      '100,000 levels of arrays',
      '['.repeat(100_000),
      '0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0',
      'nested deeper',
    ],
    ['__proto__', '{"params":{"__proto__":{"x":1}}}', 'params.__proto__', 'not allowed'],
    ['an escaped __proto__', String.raw`{"params":{"\u005f_proto__":1}}`, 'params.__proto__', 'not allowed'],
    ['constructor', '{"params":{"constructor":{"prototype":1}}}', 'params.constructor', 'not allowed'],
    ['a duplicate key', '{"params":{"amount":1,"amount":1000000}}', 'params.amount', 'twice'],
    ['NUL', String.raw`{"reason":"a\u0000b"}`, 'reason', 'U+0000'],
    ['a lone high surrogate', String.raw`{"reason":"\ud800"}`, 'reason', 'lone surrogate'],
    ['a lone low surrogate', String.raw`{"a":["x","\udc00y"]}`, 'a.1', 'lone surrogate'],
    ['a number that would be Infinity', '{"params":{"n":1e400}}', 'params.n', 'too large'],
    ['an integer past 2^53', '{"params":{"n":12345678901234567890}}', 'params.n', '2^53'],
    ['too many keys', `{${Array.from({ length: 1001 }, (_, i) => `"k${i}":0`).join(',')}}`, 'k1000', '1000 keys'],
    ['too many items', `{"a":[${Array(10_001).fill(0).join(',')}]}`, 'a.10000', '10000 items'],
    ['a huge string', `{"a":"${'x'.repeat(100_001)}"}`, 'a', 'longer than'],
  ])('refuses %s', (_name, text, path, message) => {
    const issue = findJsonIssue(text);
    expect(issue?.path).toBe(path);
    expect(issue?.message).toContain(message);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['"', '\\', '"\\u', '"\\uZZZZ"', '{"a', '}}}]]]', '-', '1e', '{"a":-}', '\u0000']) {
      expect(() => findJsonIssue(text)).not.toThrow();
    }
  });
});
