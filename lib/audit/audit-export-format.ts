import { auditEventLabel, summarizePayload } from './audit-event-format';
import type { AuditLogRow } from './list-audit-events';
import { recordedPayload } from './read-audit-payload';

/** The columns of a CSV export, in order; JSONL lines carry the same fields plus the whole payload. */
export const AUDIT_EXPORT_COLUMNS = [
  'seq',
  'at',
  'actorType',
  'actor',
  'type',
  'event',
  'agentId',
  'agent',
  'actionId',
  'tool',
  'summary',
  'outcome',
  'traceId',
  'details',
] as const;

export function toExportRecord(row: AuditLogRow) {
  return {
    seq: row.seq,
    at: row.at,
    actorType: row.actorType,
    actor: row.actorName,
    type: row.type,
    event: auditEventLabel(row.type),
    agentId: row.agentId,
    agent: row.agentName,
    actionId: row.actionId,
    tool: row.action?.tool ?? null,
    summary: row.action?.summary ?? null,
    outcome: row.action?.status ?? null,
    traceId: row.action?.traceId ?? null,
    // A payload that does not fit its type's schema (an older shape) is exported as recorded, flagged.
    details: row.unparsed ? `unparsed payload (${row.problem}): ${row.raw}` : summarizePayload(row),
  };
}

export function toJsonLine(row: AuditLogRow): string {
  return `${JSON.stringify({ ...toExportRecord(row), ...recordedPayload(row) })}\n`;
}

export function csvHeader(): string {
  return `${AUDIT_EXPORT_COLUMNS.join(',')}\r\n`;
}

export function toCsvLine(row: AuditLogRow): string {
  const record = toExportRecord(row);
  return `${AUDIT_EXPORT_COLUMNS.map((column) => csvCell(record[column])).join(',')}\r\n`;
}

/**
 * RFC 4180 quoting. Agent-written text (a tool name, a requester) must not run as a spreadsheet formula: a cell that
 * starts with = + - @ or a control character is prefixed with an apostrophe, as OWASP advises.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
