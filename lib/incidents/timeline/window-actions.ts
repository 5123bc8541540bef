import { db } from '../../db/client';
import { actionInWindowWhere, type IncidentWindow } from './incident-window';

/** More actions than this in one window: the summary says so (the timeline pages; the summary does not). */
export const MAX_WINDOW_ACTIONS = 5_000;

/** The incident's actions' ids, oldest first, read through the (agentId, createdAt) index. */
export async function listWindowActionIds(window: IncidentWindow): Promise<{ ids: string[]; truncated: boolean }> {
  const rows = await db().action.findMany({
    where: actionInWindowWhere(window),
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: MAX_WINDOW_ACTIONS + 1,
  });
  const ids = rows.map((row) => row.id);
  return { ids: ids.slice(0, MAX_WINDOW_ACTIONS), truncated: ids.length > MAX_WINDOW_ACTIONS };
}
