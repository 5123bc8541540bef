import { canonicalJson } from '../policy/canonical-json';
import { readPath } from '../policy/check-constraint';
import { MASK } from '../policy/mask';

/**
 * How people see a call's parameters: sensitive paths masked for those who may not see them, and a one-line summary
 * from the tool's template. Pure and client-safe.
 */
export function maskParams(params: Record<string, unknown>, sensitive: string[]): Record<string, unknown> {
  if (sensitive.length === 0) return params;
  const copy = structuredClone(params);
  for (const path of sensitive) {
    const keys = path.split('.');
    const last = keys.pop()!;
    const parent = keys.length ? readPath(copy, keys.join('.')) : copy;
    if (parent && typeof parent === 'object' && Object.hasOwn(parent, last))
      (parent as Record<string, unknown>)[last] = MASK;
  }
  return copy;
}

/** "Refund {amount} {currency} to order {orderId}" → "Refund 129.9 EUR to order ORD-1"; missing values show as "?". */
export function renderSummary(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{([A-Za-z_$][\w$.]*)\}/g, (_match, path: string) => {
    const value = readPath(params, path);
    if (value === undefined || value === null) return '?';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

/**
 * For a person who may not see sensitive fields, editing a call: each sensitive value they were shown masked (and
 * sent back masked, or left out) keeps its current value. Any other value at a sensitive path is a change they may
 * not make: its path is listed in `refused`, and the caller refuses the whole edit.
 */
export function keepMaskedParams(
  submitted: Record<string, unknown>,
  current: Record<string, unknown>,
  sensitive: string[],
): { params: Record<string, unknown>; refused: string[] } {
  const params = structuredClone(submitted);
  const refused: string[] = [];
  for (const path of sensitive) {
    const was = readPath(current, path);
    const sent = readPath(params, path);
    if (sent !== undefined && sent !== MASK) {
      if (was === undefined || canonicalJson(sent) !== canonicalJson(was)) refused.push(path);
      continue;
    }
    const keys = path.split('.');
    const last = keys.pop()!;
    const parent = keys.length ? readPath(params, keys.join('.')) : params;
    if (was === undefined) {
      if (sent === MASK) refused.push(path);
    } else if (parent && typeof parent === 'object' && !Array.isArray(parent)) {
      (parent as Record<string, unknown>)[last] = was;
    } else {
      refused.push(path);
    }
  }
  return { params, refused };
}
