import type { FieldIssue } from '../errors';

/** What an agent's JSON body may hold; checked on the raw text, before JSON.parse builds anything. */
export type JsonLimits = { maxDepth: number; maxKeys: number; maxItems: number; maxStringLength: number };

export const DEFAULT_JSON_LIMITS: JsonLimits = {
  maxDepth: 32,
  maxKeys: 1000,
  maxItems: 10_000,
  maxStringLength: 100_000,
};

/**
 * Keys that change an object's prototype when a later consumer merges or assigns them: refused anywhere, since
 * nothing an agent sends needs them and one careless `Object.assign` would turn them into a pollution.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Frame = { kind: 'object' | 'array'; key: string | null; index: number; keys: Set<string>; expectKey: boolean };

/**
 * The first thing in a JSON text Warden refuses, with the field path, or null. One pass, no recursion, so a
 * 100,000-deep text costs a loop, not a stack: the depth is refused here and JSON.parse only ever sees shallow input.
 *
 * Refused (each a 422 naming the field): nesting deeper than maxDepth; more than maxKeys keys in an object or maxItems
 * items in an array; a string longer than maxStringLength; a key twice in one object (JSON.parse would silently keep
 * the last, so the agent and the reviewer could read different values); __proto__, constructor, prototype as keys;
 * U+0000 (PostgreSQL cannot store it in text); lone surrogates (not text in any encoding); a number JSON.parse would
 * turn into Infinity, or an integer past 2^53 that would be stored as a different number than the one sent.
 * Other control characters are accepted: they are stored inertly and the console flags them.
 * Malformed JSON is left to JSON.parse: this scan never throws on any input.
 */
export function findJsonIssue(text: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): FieldIssue | null {
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      const isKey = !!top && top.kind === 'object' && top.expectKey;
      const problem = stringProblem(text, i, end, limits);
      if (isKey) {
        const key = decodeKey(text.slice(i, end + 1));
        if (problem) return issue(stack, `${problem} in a key`, key);
        if (key !== null) {
          if (FORBIDDEN_KEYS.has(key)) return issue(stack, `the key ${key} is not allowed`, key);
          if (top.keys.has(key)) return issue(stack, 'the key appears twice in one object', key);
          top.keys.add(key);
          if (top.keys.size > limits.maxKeys)
            return issue(stack, `more than ${limits.maxKeys} keys in one object`, key);
        }
        top.key = key;
        top.expectKey = false;
      } else if (problem) {
        return issue(stack, problem);
      }
      i = end + 1;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= limits.maxDepth) return issue(stack, `nested deeper than ${limits.maxDepth} levels`);
      stack.push({
        kind: c === 0x7b ? 'object' : 'array',
        key: null,
        index: 0,
        keys: new Set(),
        expectKey: c === 0x7b,
      });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.expectKey = true;
      if (top?.kind === 'array' && ++top.index >= limits.maxItems)
        return issue(stack, `more than ${limits.maxItems} items in one array`);
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < n && /[0-9eE+\-.]/.test(text.charAt(end))) end++;
      const problem = numberProblem(text.slice(i, end));
      if (problem) return issue(stack, problem);
      i = end;
      continue;
    }
    i++;
  }
  return null;
}

/** Index of the closing quote of the string starting at `start` (or the text's end when it never closes). */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j += 2;
    else if (c === 0x22) return j;
    else j++;
  }
  return text.length;
}

function stringProblem(text: string, start: number, end: number, limits: JsonLimits): string | null {
  if (end - start - 1 > limits.maxStringLength) return `a string longer than ${limits.maxStringLength} characters`;
  let pendingHigh = false;
  for (let j = start + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    let unit = c;
    if (c === 0x5c) {
      if (text[j + 1] !== 'u') {
        if (pendingHigh) return 'a lone surrogate (\\ud800–\\udfff without its pair)';
        j++;
        continue;
      }
      unit = Number.parseInt(text.slice(j + 2, j + 6), 16);
      j += 5;
      if (Number.isNaN(unit)) return null; // malformed escape: JSON.parse refuses it
    }
    if (unit === 0) return 'the character U+0000 is not allowed';
    const high = unit >= 0xd800 && unit <= 0xdbff;
    const low = unit >= 0xdc00 && unit <= 0xdfff;
    if ((pendingHigh && !low) || (!pendingHigh && low)) return 'a lone surrogate (\\ud800–\\udfff without its pair)';
    pendingHigh = high;
  }
  return pendingHigh ? 'a lone surrogate (\\ud800–\\udfff without its pair)' : null;
}

function numberProblem(raw: string): string | null {
  const value = Number(raw);
  if (Number.isNaN(value)) return null; // not a JSON number: JSON.parse refuses it
  if (!Number.isFinite(value)) return 'a number too large to represent';
  if (/^-?\d+$/.test(raw) && !Number.isSafeInteger(value))
    return 'an integer beyond ±2^53 would not be stored exactly: send it as a string';
  return null;
}

function decodeKey(raw: string): string | null {
  try {
    const key: unknown = JSON.parse(raw);
    return typeof key === 'string' ? key : null;
  } catch {
    return null;
  }
}

function issue(stack: Frame[], message: string, key?: string | null): FieldIssue {
  const parts = stack.map((frame) => (frame.kind === 'array' ? String(frame.index) : (frame.key ?? '?')));
  if (key !== undefined) parts[parts.length - 1] = key ?? '?';
  // A key can be as long as the body: name it, but briefly.
  const path = parts.map((part) => (part.length > 80 ? `${part.slice(0, 80)}…` : part)).join('.');
  return { path: path || '(body)', message };
}
