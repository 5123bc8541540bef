// Bad request bodies for the agent API's POST endpoints: a fixed corpus (one entry per kind of bad input) and
// fast-check arbitraries that generate more of each kind. Every body here must be refused with a 4xx.
import fc from 'fast-check';

export type BadBody = { name: string; body: string | Uint8Array; headers?: Record<string, string> };

const enc = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

/**
 * Bodies every POST endpoint must refuse, whatever it expects: `valid` is a body the endpoint would accept; the
 * corpus wraps it or breaks it. Over the byte limit, deep, prototype keys, duplicate keys, invalid UTF-8, lone
 * surrogates, NUL, unrepresentable numbers, not JSON, not an object.
 */
export function commonBadBodies(valid: Record<string, unknown>): BadBody[] {
  const json = JSON.stringify(valid);
  const splice = (extra: string) => `${json.slice(0, -1)}${json.length > 2 ? ',' : ''}${extra}}`;
  return [
    { name: 'over the limit (10 MB, declared)', body: splice(`"pad":"${'x'.repeat(10 * 1024 * 1024)}"`) },
    { name: 'over the limit (300 KiB)', body: splice(`"pad":"${'x'.repeat(300 * 1024)}"`) },
    { name: '100,000 levels of arrays', body: '['.repeat(100_000) + ']'.repeat(100_000) },
    { name: '100,000 open objects', body: '{"a":'.repeat(100_000) },
    { name: '33 levels of objects', body: splice(`"deep":${deepObject(33)}`) },
    { name: '__proto__ at the top', body: splice('"__proto__":{"isAdmin":true}') },
    { name: 'escaped __proto__', body: splice('"\\u005f_proto__":{"isAdmin":true}') },
    { name: 'constructor.prototype', body: splice('"constructor":{"prototype":{"isAdmin":true}}') },
    { name: 'a duplicate key', body: splice(`${JSON.stringify(Object.keys(valid)[0] ?? 'x')}:"other"`) },
    { name: 'a lone high surrogate', body: splice('"note":"\\ud800"') },
    { name: 'a lone low surrogate', body: splice('"note":"x\\udfffy"') },
    { name: 'NUL', body: splice('"note":"a\\u0000b"') },
    { name: 'a number past Infinity', body: splice('"n":1e400') },
    { name: 'a negative number past -Infinity', body: splice('"n":-1e400') },
    { name: 'an integer past 2^53', body: splice('"n":123456789012345678901234567890') },
    { name: 'invalid UTF-8 (0xff)', body: bytes(json.slice(0, -1), ',"x":"', [0xff, 0xfe], '"}') },
    { name: 'invalid UTF-8 (overlong slash)', body: bytes(json.slice(0, -1), ',"x":"', [0xc0, 0xaf], '"}') },
    { name: 'invalid UTF-8 (encoded surrogate)', body: bytes(json.slice(0, -1), ',"x":"', [0xed, 0xa0, 0x80], '"}') },
    { name: 'invalid UTF-8 (truncated sequence)', body: bytes(json.slice(0, -1), ',"x":"', [0xe2, 0x82], '"}') },
    { name: 'not JSON', body: '{tool: nope}' },
    { name: 'truncated JSON', body: json.slice(0, -1) },
    { name: 'JSON with a trailing comma', body: splice('"x":1,') },
    { name: 'JSON null', body: 'null' },
    { name: 'a JSON array', body: `[${json}]` },
    { name: 'a JSON string', body: JSON.stringify(json) },
    { name: 'a JSON number', body: '42' },
    { name: 'a raw control character in a string', body: splice('"x":"a\u0001b"') },
    { name: 'a byte-order mark then garbage', body: bytes([0xef, 0xbb, 0xbf], '{"') },
  ];
}

/** Over the limit without a Content-Length: the server must stop reading at the limit. */
export function chunkedOversizeBody(totalBytes: number): ReadableStream<Uint8Array> {
  const chunk = enc('x'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) controller.enqueue(enc('{"tool":"x","params":{"pad":"'));
      if (sent >= totalBytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

const key = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'tool', 'params', '\u202e', '\u0000'),
);
/** Any JSON text, including values JSON.stringify would never write: lone surrogates, NUL, huge numbers. */
const hostileScalar = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => JSON.stringify(s)),
  fc.constantFrom(
    '1e400',
    '-1e400',
    '123456789012345678901234567890',
    '"\\ud800"',
    '"\\udc00x"',
    '"\\u0000"',
    'NaN',
    'Infinity',
    '-',
    '01',
    '1.',
    '.5',
    'tru',
    'nul',
  ),
  fc.double().map((n) => (Number.isFinite(n) ? String(n) : '0')),
  fc.boolean().map(String),
  fc.constant('null'),
);
const hostileJson = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileScalar,
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(key, tie('value')), { maxLength: 4 })
      .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

/**
 * Generated bad bodies for an endpoint whose accepted body has `fields`: each replaces or adds a field with hostile
 * JSON, nests it deep, duplicates a key, breaks the bytes, or is not a JSON object at all. `sureBad` adds one defect
 * the endpoint always refuses, so no generated body can be valid (a valid proposal would record an action).
 */
export function badBodyArbitrary(valid: Record<string, unknown>, sureBad: string): fc.Arbitrary<BadBody> {
  const fields = Object.keys(valid);
  const base = JSON.stringify(valid).slice(1, -1);
  const withField = (extra: string) => `{${base}${base ? ',' : ''}${extra}}`;
  return fc.oneof(
    fc.tuple(fc.constantFrom(...fields, 'extra'), hostileJson).map(([field, value]) => ({
      name: 'a field replaced by hostile JSON',
      body: `{${sureBad},${fields
        .filter((f) => f !== field)
        .map((f) => `${JSON.stringify(f)}:${JSON.stringify(valid[f])}`)
        .concat(`${JSON.stringify(field)}:${value}`)
        .join(',')}}`,
    })),
    fc.integer({ min: 33, max: 5000 }).map((levels) => ({
      name: `${levels} levels`,
      body: withField(`"deep":${'['.repeat(levels)}${']'.repeat(levels)}`),
    })),
    fc
      .constantFrom(...fields)
      .map((field) => ({ name: `duplicate ${field}`, body: withField(`${JSON.stringify(field)}:null`) })),
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom(...fields))
      .map(([bad, field]) => ({
        name: `${bad} inside ${field}`,
        body: `{${sureBad},${JSON.stringify(field)}:{${JSON.stringify(bad)}:{"polluted":true}}}`,
      })),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((noise) => ({
      name: 'invalid UTF-8 noise',
      body: bytes(`{${sureBad},"x":"`, [...noise, 0xff], '"}'),
    })),
    fc.string({ unit: 'binary', maxLength: 40 }).map((text) => ({ name: 'arbitrary text', body: `${text}\u0000` })),
    hostileJson.filter((json) => !json.startsWith('{')).map((json) => ({ name: 'not an object', body: json })),
  );
}
