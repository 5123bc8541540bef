import type { Constraint } from './grant-policy';
import { formatNumber } from './format';
import { compileLinearRegex, MAX_PATTERN_INPUT } from './linear-regex';

/**
 * Checks one constraint against the parameters. Returns the violation in plain words ("amount 1,200 > 500"),
 * or null. A parameter that is absent is not this rule's business (the tool's schema decides what is required);
 * a value of the wrong type, or a pattern that does not compile, is a violation (fail closed).
 *
 * The reason is stored and shown to every role, so when the parameter is sensitive (it is, contains or lies inside
 * one of the tool's `sensitive` paths) it names the rule but never quotes the value ("iban does not match …").
 */
export function checkConstraint(
  constraint: Constraint,
  params: Record<string, unknown>,
  sensitive: readonly string[],
): string | null {
  const value = readPath(params, constraint.param);
  if (value === undefined) return null;
  const values = Array.isArray(value) ? value : [value];
  const hide = isSensitivePath(constraint.param, sensitive);
  for (const item of values) {
    const violation = checkValue(constraint, item, hide);
    if (violation) return `${constraint.param} ${violation.trimStart()}`;
  }
  return null;
}

/** True when `path` is a sensitive path, lies inside one ("payee.iban" in "payee") or contains one. */
export function isSensitivePath(path: string, sensitive: readonly string[]): boolean {
  return sensitive.some((s) => s === path || path.startsWith(`${s}.`) || s.startsWith(`${path}.`));
}

function shown(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : (JSON.stringify(value) ?? String(value));
}

/** A hidden value is left out of the sentence ("iban does not match …"): the reader learns which rule failed, not the value. */
function checkValue(c: Constraint, value: unknown, hide: boolean): string | null {
  const show = (v: unknown) => (hide ? '' : shown(v));
  const plain = (v: unknown) => (hide ? '' : String(v));
  switch (c.kind) {
    case 'allowed_values':
    case 'record_type':
      return (c.values as unknown[]).includes(value)
        ? null
        : `${show(value)} is not an allowed ${c.kind === 'record_type' ? 'record type' : 'value'} (${c.values.map(shown).join(', ')})`;
    case 'pattern': {
      if (typeof value !== 'string') return `${show(value)} is not text`;
      if (value.length > MAX_PATTERN_INPUT)
        return `is longer than ${formatNumber(MAX_PATTERN_INPUT)} characters: not checked against ${c.pattern}`;
      let regex: ReturnType<typeof compileLinearRegex>;
      try {
        regex = compileLinearRegex(c.pattern, { anchored: true });
      } catch {
        return `cannot be checked: the pattern is invalid`;
      }
      return regex.test(value) ? null : `${show(value)} does not match ${c.pattern}`;
    }
    case 'range': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${show(value)} is not a number`;
      if (c.min !== undefined && value < c.min) return `${show(value)} < ${formatNumber(c.min)}`;
      if (c.max !== undefined && value > c.max) return `${show(value)} > ${formatNumber(c.max)}`;
      return null;
    }
    case 'email_domain': {
      const domain = typeof value === 'string' && /^[^@\s]+@([^@\s]+)$/.exec(value)?.[1];
      if (!domain) return `${show(value)} is not an e-mail address`;
      return inDomains(domain, c.domains) ? null : `${plain(value)} is outside ${c.domains.join(', ')}`;
    }
    case 'url_domain': {
      const host = typeof value === 'string' ? hostOf(value) : null;
      if (!host) return `${show(value)} is not an http(s) URL`;
      return inDomains(host, c.domains) ? null : `${plain(value)} is outside ${c.domains.join(', ')}`;
    }
  }
}

/** A domain matches itself and its subdomains, case-insensitively: "mail.example.com" is inside "example.com". */
function inDomains(host: string, domains: string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return domains.some((d) => {
    const domain = d.toLowerCase().replace(/^\*?\./, '');
    return h === domain || h.endsWith(`.${domain}`);
  });
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

export function readPath(params: Record<string, unknown>, path: string): unknown {
  let current: unknown = params;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
