import { can, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { maskParams, renderSummary } from '../tools/present-params';

export type AuditActionSummary = { tool: string; summary: string | null; status: string; traceId: string };

const MAX_SUMMARY_CHARS = 140;

/**
 * What each action of a page of events was, in one query: its tool, and the tool's summary template rendered with the
 * parameters that would run (a reviewer's edit, else as proposed), sensitive fields masked for whoever may not see them,
 * exactly as the queue shows it.
 */
export async function summarizeAuditActions(
  actor: Actor,
  actionIds: Iterable<string>,
): Promise<Map<string, AuditActionSummary>> {
  const ids = [...new Set(actionIds)];
  if (ids.length === 0) return new Map();
  const rows = await db().action.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      toolName: true,
      params: true,
      editedParams: true,
      status: true,
      traceId: true,
      tool: { select: { summaryTemplate: true, sensitiveFields: true } },
    },
  });
  const seeSensitive = can(actor, 'actions.read_sensitive');
  return new Map(
    rows.map((row) => {
      const template = row.tool?.summaryTemplate;
      let summary: string | null = null;
      if (template) {
        const params = parseObject(row.editedParams ?? row.params);
        const sensitive = seeSensitive ? [] : (JSON.parse(row.tool?.sensitiveFields ?? '[]') as string[]);
        const text = renderSummary(template, maskParams(params, sensitive));
        summary = text.length > MAX_SUMMARY_CHARS ? `${text.slice(0, MAX_SUMMARY_CHARS - 1)}…` : text;
      }
      return [row.id, { tool: row.toolName, summary, status: row.status, traceId: row.traceId }];
    }),
  );
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
