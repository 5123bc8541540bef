import { MASK } from './mask';
import { canonicalJson } from './canonical-json';

/** One changed parameter. `before`/`after` are undefined (left out of the JSON) where the parameter was absent. */
export type ParamChange = { path: string; before: unknown; after: unknown };

/**
 * What a reviewer changed, for the audit trail: objects are compared key by key (dotted paths, in the order the keys
 * appear, then keys only the new version has); arrays and other values are compared whole, canonically (so key order
 * inside them is no change). Values at or under a sensitive path are masked, never written in clear; a change of a
 * whole object that holds a sensitive path masks that path inside both sides.
 */
export function diffParams(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  sensitive: readonly string[] = [],
): ParamChange[] {
  return diffObjects(before, after, '').map((change) => maskChange(change, sensitive));
}

function diffObjects(before: Record<string, unknown>, after: Record<string, unknown>, prefix: string): ParamChange[] {
  const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !Object.hasOwn(before, key))];
  return keys.flatMap((key) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const a = Object.hasOwn(before, key) ? before[key] : undefined;
    const b = Object.hasOwn(after, key) ? after[key] : undefined;
    if (isPlainObject(a) && isPlainObject(b)) return diffObjects(a, b, path);
    if (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b)) return [];
    if (a === undefined && b === undefined) return [];
    return [{ path, before: a, after: b }];
  });
}

function maskChange(change: ParamChange, sensitive: readonly string[]): ParamChange {
  const covered = sensitive.some((s) => change.path === s || change.path.startsWith(`${s}.`));
  const inside = sensitive.filter((s) => s.startsWith(`${change.path}.`)).map((s) => s.slice(change.path.length + 1));
  if (!covered && inside.length === 0) return change;
  const mask = (value: unknown) => (value === undefined ? undefined : covered ? MASK : maskInside(value, inside));
  return { path: change.path, before: mask(change.before), after: mask(change.after) };
}

/** A copy of `value` with each dotted path masked where it exists. */
function maskInside(value: unknown, paths: string[]): unknown {
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const path of paths) {
    const [head = '', ...rest] = path.split('.');
    if (!Object.hasOwn(copy, head)) continue;
    copy[head] = rest.length === 0 ? MASK : maskInside(copy[head], [rest.join('.')]);
  }
  return copy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
