import { canonicalJson } from '../policy/canonical-json';

/**
 * A record update as a reviewer reads it: each field of the record's current values (as the agent read them) beside
 * the value the proposal sets. Objects are walked down to their leaves, so `address.city` shows as its own row;
 * arrays are compared whole. Pure and client-safe.
 *
 * A field the proposal leaves out is `untouched`, not removed: an update names the fields it changes.
 * Sensitive paths keep their status (a reviewer may know that a bank account changes) but not their values.
 */
export type DiffKind = 'changed' | 'added' | 'unchanged' | 'untouched';
export type DiffEntry = { path: string; kind: DiffKind; before?: unknown; after?: unknown; masked: boolean };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function diffValues(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  { sensitive = [], mask = '••••••' }: { sensitive?: readonly string[]; mask?: string } = {},
): DiffEntry[] {
  const sensitiveKeys = sensitive.map((path) => path.split('.'));
  const isSensitive = (keys: string[]) =>
    sensitiveKeys.some((s) => s.length <= keys.length && s.every((key, i) => key === keys[i]));
  const entries: DiffEntry[] = [];

  const walk = (keys: string[], left: unknown, right: unknown, inLeft: boolean, inRight: boolean) => {
    if (isPlainObject(left) && isPlainObject(right)) {
      const names = [...Object.keys(left), ...Object.keys(right).filter((key) => !Object.hasOwn(left, key))];
      for (const name of names)
        walk([...keys, name], left[name], right[name], Object.hasOwn(left, name), Object.hasOwn(right, name));
      return;
    }
    const kind: DiffKind = !inRight
      ? 'untouched'
      : !inLeft
        ? 'added'
        : canonicalJson(left) === canonicalJson(right)
          ? 'unchanged'
          : 'changed';
    const masked = isSensitive(keys);
    const show = (value: unknown) => (masked ? mask : value);
    entries.push({
      path: formatPath(keys),
      kind,
      masked,
      ...(inLeft && { before: show(left) }),
      ...(inRight && { after: show(right) }),
    });
  };
  walk([], before, after, true, true);
  return entries;
}

/** `address.city`, `tags`, `["first name"]`: the same notation the hostile-text flags use. */
function formatPath(keys: string[]): string {
  return keys
    .map((key, index) => (IDENTIFIER.test(key) ? `${index ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`))
    .join('');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
