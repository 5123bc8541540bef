import { assertCan, can, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';
import type { ActionLevel } from '../policy/action-levels';
import { maskParams, renderSummary } from '../tools/present-params';
import { toActionView } from './action-view';
import { readEffectiveStatus } from './read-effective-status';

/**
 * What the "edit and approve" page needs: the proposed action in short, the tool's JSON Schema, and the current
 * version of the parameters (the reviewer edits that version; its number goes back with the edit). Sensitive fields
 * are masked for people without `actions.read_sensitive`, who may then not change them.
 */
export async function getActionForEdit(actor: Actor, actionId: string) {
  assertCan(actor, 'actions.decide');
  const row = await db().action.findUnique({
    where: { id: actionId },
    include: {
      agent: { select: { id: true, name: true } },
      tool: {
        select: {
          actionLevel: true,
          supportsRollback: true,
          description: true,
          parameters: true,
          sensitiveFields: true,
          summaryTemplate: true,
        },
      },
    },
  });
  if (!row) throw new WardenError('not_found', 'No such action.');
  // Past its deadline it reads expired (lib/policy/effective-status.ts), so the page says so instead of offering an edit.
  const { status } = await readEffectiveStatus(db(), row);
  const view = toActionView({ ...row, status, reviewer: null });
  const sensitive = JSON.parse(row.tool?.sensitiveFields ?? '[]') as string[];
  const canEditSensitive = can(actor, 'actions.read_sensitive');
  const params = canEditSensitive ? view.params : maskParams(view.params, sensitive);
  return {
    action: {
      id: view.id,
      status: view.status,
      tool: view.tool,
      reason: view.reason,
      requester: view.requester,
      requesterVerified: view.requesterVerified,
      approvalsRequired: view.approvalsRequired,
      paramsVersion: view.paramsVersion,
      edited: view.edited,
      createdAt: view.createdAt,
    },
    agent: row.agent,
    actionLevel: (row.tool?.actionLevel as ActionLevel | undefined) ?? null,
    supportsRollback: row.tool?.supportsRollback ?? null,
    toolDescription: row.tool?.description ?? null,
    /** The tool's JSON Schema for params; null when the tool is unknown (such an action cannot be pending). */
    schema: row.tool ? (JSON.parse(row.tool.parameters) as Record<string, unknown>) : null,
    params,
    summary: row.tool?.summaryTemplate ? renderSummary(row.tool.summaryTemplate, params) : null,
    sensitiveFields: sensitive,
    canEditSensitive,
    editable: view.status === 'pending_review' && row.tool !== null,
  };
}

export type ActionForEdit = Awaited<ReturnType<typeof getActionForEdit>>;
