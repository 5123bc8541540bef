import { describeGrantRules, type RulesLike } from '@/lib/policy/grant-rule-summary';
import { AUDIT_EVENT_LABELS, type AuditEventType } from './event-types';
import type { ReadAuditPayload } from './read-audit-payload';

const MAX_VALUE_CHARS = 160;
const MAX_RAW_CHARS = 500;

export function auditEventLabel(type: string): string {
  return AUDIT_EVENT_LABELS[type as AuditEventType] ?? type;
}

/**
 * One line per event: "outcome: pending_review · reasons: …". Values are plain text, shortened, never markup.
 * An id kept beside its name for machines (toGroupId next to toGroup) is left out. A grant's rules (before/after)
 * read as people write them ("1 approval · amount ≤ 500 else review"), not as stored settings. A payload that did not
 * parse reads as recorded (the caller flags it).
 */
export function summarizePayload(event: ReadAuditPayload): string {
  if (event.unparsed) return shorten(event.raw, MAX_RAW_CHARS);
  const payload: Record<string, unknown> = event.payload;
  return Object.entries(payload)
    .filter(([key]) => !(key.endsWith('Id') && key.slice(0, -2) in payload))
    .filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => `${key}: ${shorten(formatValue(value))}`)
    .join(' · ');
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(formatItem).join('; ');
  if (isGrantRules(value)) return describeGrantRules(value).join(' · ');
  if (value && typeof value === 'object') {
    // Other nested settings: only what is set, as "name=value".
    return Object.entries(value)
      .filter(([, inner]) => inner !== null && inner !== undefined && !(Array.isArray(inner) && inner.length === 0))
      .map(([key, inner]) => `${key}=${typeof inner === 'string' ? inner : JSON.stringify(inner)}`)
      .join(' ');
  }
  return String(value);
}

function formatItem(item: unknown): string {
  if (typeof item === 'string') return item;
  if (isChange(item)) return formatChange(item);
  // A validation problem ({ path, message }, lib/tools/validate-params.ts): the message the agent was given.
  if (isIssue(item)) return item.path ? `${item.path}: ${item.message}` : item.message;
  return JSON.stringify(item);
}

/** A grant's rules as stored in grant.* payloads: always carry a number of approvals and the constraints. */
function isGrantRules(value: unknown): value is RulesLike {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { approvals?: unknown }).approvals === 'number' &&
    'constraints' in value
  );
}

/** A parameter edit ({ path, before, after }, lib/policy/diff-params.ts): it has a before or an after (or both). */
function isChange(item: unknown): item is { path: string; before?: unknown; after?: unknown } {
  return (
    item !== null &&
    typeof item === 'object' &&
    typeof (item as { path?: unknown }).path === 'string' &&
    ('before' in item || 'after' in item)
  );
}

function isIssue(item: unknown): item is { path: string; message: string } {
  return item !== null && typeof item === 'object' && typeof (item as { message?: unknown }).message === 'string';
}

/** "amount: 80 → 40"; "(absent)" for a side that has no value. */
function formatChange({ path, before, after }: { path: string; before?: unknown; after?: unknown }): string {
  const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));
  return `${path}: ${show(before)} → ${show(after)}`;
}

function shorten(text: string, max = MAX_VALUE_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
