/** Reading and replacing one parameter inside the params object by its keys, without mutating it. Client-safe. */
export function valueAt(values: unknown, keys: readonly string[]): unknown {
  let current = values;
  for (const key of keys) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, key))
      return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `values` with the value at `keys` replaced (undefined removes it; missing parents are created). */
export function withValueAt(
  values: Record<string, unknown>,
  keys: readonly string[],
  value: unknown,
): Record<string, unknown> {
  if (keys.length === 0)
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const [head, ...rest] = keys;
  const copy = { ...values };
  const next = rest.length === 0 ? value : withValueAt(isRecord(copy[head]) ? copy[head] : {}, rest, value);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
