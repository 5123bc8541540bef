import type { Constraint } from './grant-policy';
import { formatNumber } from './format';

/**
 * Checks one constraint against the parameters. Returns the violation in plain words ("amount 1,200 > 500"),
 * or null. A parameter that is absent is not this rule's business (the tool's schema decides what is required);
 * a value of the wrong type, or a pattern that does not compile, is a violation (fail closed).
 */
export function checkConstraint(constraint: Constraint, params: Record<string, unknown>): string | null {
  const value = readPath(params, constraint.param);
  if (value === undefined) return null;
  const values = Array.isArray(value) ? value : [value];
  for (const item of values) {
    const violation = checkValue(constraint, item);
    if (violation) return `${constraint.param} ${violation}`;
  }
  return null;
}

function checkValue(c: Constraint, value: unknown): string | null {
  switch (c.kind) {
    case 'allowed_values':
    case 'record_type':
      return (c.values as unknown[]).includes(value)
        ? null
        : `${show(value)} is not an allowed ${c.kind === 'record_type' ? 'record type' : 'value'} (${c.values.map(show).join(', ')})`;
    case 'pattern': {
      if (typeof value !== 'string') return `${show(value)} is not text`;
      let regex: RegExp;
      try {
        regex = new RegExp(`^(?:${c.pattern})$`, 'u');
      } catch {
        return `cannot be checked: the pattern is invalid`;
      }
      return regex.test(value) ? null : `${show(value)} does not match ${c.pattern}`;
    }
    case 'range': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${show(value)} is not a number`;
      if (c.min !== undefined && value < c.min) return `${formatNumber(value)} < ${formatNumber(c.min)}`;
      if (c.max !== undefined && value > c.max) return `${formatNumber(value)} > ${formatNumber(c.max)}`;
      return null;
    }
    case 'email_domain': {
      const domain = typeof value === 'string' && /^[^@\s]+@([^@\s]+)$/.exec(value)?.[1];
      if (!domain) return `${show(value)} is not an e-mail address`;
      return inDomains(domain, c.domains) ? null : `${value} is outside ${c.domains.join(', ')}`;
    }
    case 'url_domain': {
      const host = typeof value === 'string' ? hostOf(value) : null;
      if (!host) return `${show(value)} is not an http(s) URL`;
      return inDomains(host, c.domains) ? null : `${value} is outside ${c.domains.join(', ')}`;
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

function show(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : JSON.stringify(value) ?? String(value);
}
