import { db } from '../../db/client';
import { agentEventsWhere, type IncidentWindow } from './incident-window';

/** More actions than this in one window: the summary says so (the timeline pages; the summary does not). */
export const MAX_WINDOW_ACTIONS = 5_000;

/**
 * The incident's actions: its agents' actions with at least one audit event inside the window (proposed, decided,
 * claimed or finished then) — the same rows the timeline shows. Ids, read from the (agentId, at) index.
 */
export async function listWindowActionIds(window: IncidentWindow): Promise<{ ids: string[]; truncated: boolean }> {
  // GROUP BY in SQL (Prisma's `distinct` would fetch every event and dedupe in memory).
  const rows = await db().auditEvent.groupBy({
    by: ['actionId'],
    where: { AND: [agentEventsWhere(window), { actionId: { not: null } }] },
    orderBy: { actionId: 'asc' },
    take: MAX_WINDOW_ACTIONS + 1,
  });
  const ids = rows.map((row) => row.actionId!);
  return { ids: ids.slice(0, MAX_WINDOW_ACTIONS), truncated: ids.length > MAX_WINDOW_ACTIONS };
}
