import { AUDIT_EVENT_LABELS, type AuditEventType } from '@/lib/audit/event-types';

const MAX_VALUE_CHARS = 160;

export function auditEventLabel(type: string): string {
  return AUDIT_EVENT_LABELS[type as AuditEventType] ?? type;
}

/**
 * One line per event: "outcome: pending_review · reasons: …". Values are plain text, shortened, never markup.
 * An id kept beside its name for machines (toGroupId next to toGroup) is left out.
 */
export function summarizePayload(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .filter(([key]) => !(key.endsWith('Id') && key.slice(0, -2) in payload))
    .filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => `${key}: ${shorten(formatValue(value))}`)
    .join(' · ');
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : isChange(item) ? formatChange(item) : JSON.stringify(item))).join('; ');
  if (value && typeof value === 'object') {
    // Nested settings (a grant's rules): only what is set, as "name=value".
    return Object.entries(value)
      .filter(([, inner]) => inner !== null && inner !== undefined && !(Array.isArray(inner) && inner.length === 0))
      .map(([key, inner]) => `${key}=${typeof inner === 'string' ? inner : JSON.stringify(inner)}`)
      .join(' ');
  }
  return String(value);
}

/** A parameter edit ({ path, before, after }, lib/policy/diff-params.ts) as "amount: 80 → 40"; "(absent)" for none. */
function isChange(item: unknown): item is { path: string; before?: unknown; after?: unknown } {
  return item !== null && typeof item === 'object' && typeof (item as { path?: unknown }).path === 'string';
}

function formatChange({ path, before, after }: { path: string; before?: unknown; after?: unknown }): string {
  const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));
  return `${path}: ${show(before)} → ${show(after)}`;
}

function shorten(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}
