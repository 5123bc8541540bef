import { z } from 'zod';
import type { AuditEventFilter } from '@/lib/audit/list-audit-events';

export type AuditSearchParams = Record<string, string | string[] | undefined>;

const text = z.string().trim().max(200).optional().transform((value) => value || undefined);
const seq = z.coerce.number().int().positive().optional().catch(undefined);
// <input type="datetime-local"> sends "2026-11-25T14:02" (seconds optional); the console reads it as UTC.
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'use YYYY-MM-DDTHH:MM');

/** The audit page's URL (?agent=&action=&from=&to=&before=|after=) → the domain's filter, plus what to show the person. */
export function parseAuditQuery(params: AuditSearchParams) {
  const single = (name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const problems: string[] = [];
  const time = (name: 'from' | 'to', label: string) => {
    const raw = single(name)?.trim();
    if (!raw) return { raw: '', date: undefined };
    const parsed = localDateTime.safeParse(raw);
    const date = parsed.success ? new Date(`${raw}${raw.length === 16 ? ':00' : ''}Z`) : undefined;
    if (!date || Number.isNaN(date.getTime())) {
      problems.push(`${label} is not a date and time (${parsed.success ? 'out of range' : parsed.error.issues[0].message}).`);
      return { raw, date: undefined };
    }
    // "To 14:05" includes the whole minute 14:05 when no seconds were given.
    if (name === 'to' && raw.length === 16) date.setUTCSeconds(59, 999);
    return { raw, date };
  };

  const from = time('from', 'From');
  const to = time('to', 'To');
  const form = { agent: text.parse(single('agent')), action: text.parse(single('action')), from: from.raw, to: to.raw };
  const after = seq.parse(single('after'));
  const filter: AuditEventFilter = {
    agentId: form.agent,
    actionId: form.action,
    from: from.date,
    to: to.date,
    ...(after !== undefined ? { after } : { before: seq.parse(single('before')) }),
  };
  return { filter, form, problems, paged: filter.after !== undefined || filter.before !== undefined };
}

/** A link to another page of the same filtered log. */
export function auditPageHref(form: ReturnType<typeof parseAuditQuery>['form'], cursor: { before?: number; after?: number }): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...form, ...cursor })) if (value !== undefined && value !== '') query.set(name, String(value));
  const search = query.toString();
  return search ? `/audit?${search}` : '/audit';
}
