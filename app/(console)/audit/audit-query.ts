import { z } from 'zod';
import type { AuditEventFilter, AuditPageCursor } from '@/lib/audit/list-audit-events';
import { isTimeZone, zonedWallTimeToDate } from '@/lib/audit/zoned-time';

export type AuditSearchParams = Record<string, string | string[] | undefined>;

const text = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined);
const seq = z.coerce.number().int().positive().optional().catch(undefined);
// <input type="datetime-local"> sends "2026-11-25T14:02" (seconds optional), in the zone the form names (tz).
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'use YYYY-MM-DDTHH:MM');

/** The filter fields of the page's URL, in the order the form and links write them. */
const FIELDS = ['agent', 'action', 'type', 'actor', 'tool', 'trace', 'outcome', 'from', 'to', 'tz'] as const;
export type AuditForm = Record<(typeof FIELDS)[number], string | undefined>;

/**
 * The audit page's URL (?agent=&action=&type=&actor=&tool=&trace=&outcome=&from=&to=&tz=&before=|after=) → the
 * domain's filter, plus what to show the person. From/To are read in the zone `tz` names (the browser fills it in);
 * without one (no JavaScript) they are UTC.
 */
export function parseAuditQuery(params: AuditSearchParams) {
  const single = (name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const problems: string[] = [];
  const form = Object.fromEntries(FIELDS.map((name) => [name, text.parse(single(name))])) as AuditForm;
  const zone = form.tz && isTimeZone(form.tz) ? form.tz : 'UTC';
  if (form.tz && zone !== form.tz) problems.push(`Time zone "${form.tz}" is unknown; From and To were read as UTC.`);

  const time = (name: 'from' | 'to', label: string) => {
    const raw = form[name];
    if (!raw) return undefined;
    const parsed = localDateTime.safeParse(raw);
    const date = parsed.success ? zonedWallTimeToDate(raw, zone) : null;
    if (!date || Number.isNaN(date.getTime())) {
      problems.push(
        `${label} is not a date and time (${parsed.success ? 'out of range' : parsed.error.issues[0].message}).`,
      );
      return undefined;
    }
    // "To 14:05" includes the whole minute 14:05 when no seconds were given.
    if (name === 'to' && raw.length === 16) date.setTime(date.getTime() + 59_999);
    return date;
  };

  const after = seq.parse(single('after'));
  const filter: AuditEventFilter = {
    agentId: form.agent,
    actionId: form.action,
    type: form.type,
    actor: form.actor,
    tool: form.tool,
    traceId: form.trace,
    outcome: form.outcome,
    from: time('from', 'From'),
    to: time('to', 'To'),
  };
  const cursor: AuditPageCursor = after !== undefined ? { after } : { before: seq.parse(single('before')) };
  return { filter, cursor, form, zone, problems, paged: cursor.after !== undefined || cursor.before !== undefined };
}

/** The same filtered log (another page of it, or its export) as a URL. */
export function auditPageHref(
  form: AuditForm,
  cursor: AuditPageCursor,
  path = '/audit',
  extra: Record<string, string> = {},
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...form, ...cursor, ...extra }))
    if (value !== undefined && value !== '') query.set(name, String(value));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
