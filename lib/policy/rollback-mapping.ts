/**
 * A compensating tool's parameters, built from the original action: each parameter of the compensating call names a
 * value of the original's parameters or result with a small JSONPath subset — `$.params.<path>` or `$.result.<path>`,
 * where a path is dotted keys and `[n]` indexes (`$.result.refunds[0].id`). Nothing else (no wildcards, filters or
 * quoted keys): a mapping is written by an admin once and must mean one value, always. Pure; client-safe.
 */
export type RollbackMapping = Record<string, string>;
export type MappingStep = string | number;
export type MappingPath = { root: 'params' | 'result'; steps: MappingStep[] };

const KEY = /^[A-Za-z_$][\w$-]*/;
const INDEX = /^\[(0|[1-9]\d{0,5})\]/;

/** The path parsed, or why it is not one ("expected … at character n"). */
export function parseMappingPath(text: string): MappingPath | { error: string } {
  const head = /^\$\.(params|result)/.exec(text);
  if (!head) return { error: 'must start with $.params or $.result' };
  const steps: MappingStep[] = [];
  let rest = text.slice(head[0].length);
  while (rest.length > 0) {
    const at = text.length - rest.length;
    if (rest.startsWith('.')) {
      const key = KEY.exec(rest.slice(1));
      if (!key) return { error: `expected a key after "." at character ${at + 1}` };
      steps.push(key[0]);
      rest = rest.slice(1 + key[0].length);
      continue;
    }
    const index = INDEX.exec(rest);
    if (!index) return { error: `expected ".key" or "[n]" at character ${at + 1}` };
    steps.push(Number(index[1]));
    rest = rest.slice(index[0].length);
  }
  if (head[1] === 'params' && steps.length === 0) return { error: 'name a parameter: $.params.<name>' };
  return { root: head[1] as MappingPath['root'], steps };
}

/** Each mapping entry whose path does not parse, as { param, message }; empty when the mapping is well formed. */
export function mappingSyntaxIssues(mapping: RollbackMapping): { param: string; message: string }[] {
  return Object.entries(mapping).flatMap(([param, path]) => {
    const parsed = parseMappingPath(path);
    return 'error' in parsed ? [{ param, message: `${path}: ${parsed.error}` }] : [];
  });
}

export type MappingResolution =
  { ok: true; params: Record<string, unknown> } | { ok: false; param: string; path: string; message: string };

/**
 * The compensating call's parameters. A path that leads nowhere (a missing key, an index past the end, a step into a
 * non-object) or to null fails naming it: a rollback is never proposed with a guessed or empty value.
 */
export function resolveRollbackMapping(
  mapping: RollbackMapping,
  source: { params: Record<string, unknown>; result: unknown },
): MappingResolution {
  const params: Record<string, unknown> = {};
  for (const [param, path] of Object.entries(mapping)) {
    const parsed = parseMappingPath(path);
    if ('error' in parsed) return { ok: false, param, path, message: `${path}: ${parsed.error}` };
    let value: unknown = source[parsed.root];
    for (const step of parsed.steps) {
      value = stepInto(value, step);
      if (value === undefined) break;
    }
    if (value === undefined || value === null) {
      return { ok: false, param, path, message: `${path} has no value in the original action` };
    }
    params[param] = value;
  }
  return { ok: true, params };
}

function stepInto(value: unknown, step: MappingStep): unknown {
  if (typeof step === 'number') return Array.isArray(value) ? value[step] : undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, step) ? (value as Record<string, unknown>)[step] : undefined;
}
