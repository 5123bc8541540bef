import { assertCan, type Actor } from '../auth/actor';
import { summarizeAuditActions } from '../audit/action-summaries';
import { db } from '../db/client';
import { rollbackSummary } from '../rollback/rollback-state';
import { loadIncidentWindow } from './timeline/incident-window';
import type { IncidentMarkKind } from './timeline/schemas';
import { listWindowActionIds } from './timeline/window-actions';

/** Statuses in which the action's tool ran (or is running): side effects may have happened. */
export const EXECUTED_STATUSES = ['succeeded', 'failed', 'executing'] as const;

export type RollbackState = 'rolled_back' | 'rolled_back_manually' | 'in_progress' | 'failed' | 'none';
export type IncidentActionRow = {
  id: string;
  tool: string;
  summary: string | null;
  agentName: string;
  status: string;
  at: string;
  executed: boolean;
  /** How the tool declares undoing ("none" | "manual" | "compensating"), what came of attempts, and whether a request may be made now. */
  rollback: { kind: string; compensatingTool: string | null; state: RollbackState; requestable: boolean };
  /** This action compensates another (a rollback). */
  rollbackOf: string | null;
  mark: { mark: IncidentMarkKind; note: string; by: string; at: string } | null;
};
type Count = { key: string; label: string; count: number };

/**
 * The incident's Overview: how many of its actions ended in each status, per tool and per reviewer who decided;
 * what executed (side effects happened), each with its rollback availability (lib/rollback's own rule) and any
 * failed compensation flagged; and each action's current mark. Executed actions first. Reads only.
 */
export async function getIncidentSummary(actor: Actor, incidentId: string) {
  assertCan(actor, 'incidents.manage');
  const window = await loadIncidentWindow(incidentId);
  const { ids, truncated } = await listWindowActionIds(window);
  const [actions, compensations, manual, marks, summaries] = await Promise.all([
    db().action.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        toolName: true,
        status: true,
        reviewerId: true,
        updatedAt: true,
        rollbackOfId: true,
        agent: { select: { name: true } },
        tool: { select: { rollbackKind: true, rollbackToolName: true } },
        approvals: { select: { reviewerId: true } },
      },
    }),
    db().action.findMany({
      where: { rollbackOfId: { in: ids } },
      select: { id: true, rollbackOfId: true, status: true, createdAt: true },
    }),
    db().auditEvent.findMany({
      where: { actionId: { in: ids }, type: 'rollback.recorded_manually' },
      select: { actionId: true },
    }),
    db().incidentMark.findMany({ where: { incidentId } }),
    summarizeAuditActions(actor, ids),
  ]);
  const people = new Map(
    (
      await db().user.findMany({
        where: {
          id: {
            in: [
              ...new Set(
                [
                  ...actions.flatMap((a) => [a.reviewerId, ...a.approvals.map((x) => x.reviewerId)]),
                  ...marks.map((m) => m.markedById),
                ].filter((id): id is string => !!id),
              ),
            ],
          },
        },
        select: { id: true, name: true },
      })
    ).map((user) => [user.id, user.name]),
  );
  const manuallyRolledBack = new Set(manual.map((event) => event.actionId));
  const attemptsOf = new Map<string, typeof compensations>();
  for (const attempt of compensations)
    attemptsOf.set(attempt.rollbackOfId!, [...(attemptsOf.get(attempt.rollbackOfId!) ?? []), attempt]);
  const markOf = new Map(marks.map((mark) => [mark.actionId, mark]));

  const rows = actions.map((action): IncidentActionRow => {
    const attempts = (attemptsOf.get(action.id) ?? []).map((a) => ({
      id: a.id,
      status: a.status,
      createdAt: a.createdAt.toISOString(),
    }));
    const summary = rollbackSummary(attempts);
    const state: RollbackState =
      manuallyRolledBack.has(action.id) && summary !== 'rolled_back' ? 'rolled_back_manually' : summary;
    const kind = action.tool?.rollbackKind ?? 'none';
    const mark = markOf.get(action.id);
    return {
      id: action.id,
      tool: action.toolName,
      summary: summaries.get(action.id)?.summary ?? null,
      agentName: action.agent.name,
      status: action.status,
      at: action.updatedAt.toISOString(),
      executed: (EXECUTED_STATUSES as readonly string[]).includes(action.status),
      rollback: {
        kind,
        compensatingTool: action.tool?.rollbackToolName ?? null,
        state,
        requestable:
          kind === 'compensating' && action.status === 'succeeded' && (state === 'none' || state === 'failed'),
      },
      rollbackOf: action.rollbackOfId,
      mark: mark
        ? {
            mark: mark.mark as IncidentMarkKind,
            note: mark.note,
            by: people.get(mark.markedById ?? '') ?? 'admin CLI',
            at: mark.markedAt.toISOString(),
          }
        : null,
    };
  });
  rows.sort((a, b) => Number(b.executed) - Number(a.executed) || a.at.localeCompare(b.at));

  const reviewers = new Map<string, number>();
  for (const action of actions) {
    const deciders = new Set([
      ...action.approvals.map((a) => a.reviewerId),
      ...(action.reviewerId ? [action.reviewerId] : []),
    ]);
    for (const id of deciders) reviewers.set(id, (reviewers.get(id) ?? 0) + 1);
  }
  return {
    incident: {
      id: window.id,
      title: window.title,
      status: window.status,
      start: window.start.toISOString(),
      end: window.end.toISOString(),
    },
    total: rows.length,
    truncated,
    executed: rows.filter((row) => row.executed).length,
    failedCompensations: rows.filter((row) => row.rollback.state === 'failed').map((row) => row.id),
    byStatus: countBy(rows, (row) => row.status),
    byTool: countBy(rows, (row) => row.tool),
    byReviewer: [...reviewers]
      .map(([id, count]): Count => ({ key: id, label: people.get(id) ?? 'deleted user', count }))
      .sort(byCount),
    actions: rows,
  };
}

export type IncidentSummary = Awaited<ReturnType<typeof getIncidentSummary>>;

function countBy<T>(items: T[], key: (item: T) => string): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, label: k, count })).sort(byCount);
}

const byCount = (a: Count, b: Count) => b.count - a.count || a.label.localeCompare(b.label);
