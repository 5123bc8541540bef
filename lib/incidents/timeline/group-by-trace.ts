/** One audit event of the window with what the timeline needs of its action (none for switch, key, grant events). */
export type WindowEvent = {
  seq: number;
  at: Date;
  type: string;
  actionId: string | null;
  action: { traceId: string; createdAt: Date } | null;
};

export type TraceGroup<E extends WindowEvent> = {
  /** The trace id, or `event:<seq>` for an event that belongs to no action (a switch, a key, a grant change). */
  key: string;
  traceId: string | null;
  firstAt: Date;
  lastAt: Date;
  /** Distinct actions of the trace seen in the window, in order of first appearance. */
  actionIds: string[];
  events: E[];
};

/**
 * Groups the window's events by trace, each group in event order, the groups ordered by their first event: the
 * timeline reads top to bottom as things happened, with a whole trace (proposal → decision → claim → result, and
 * any rollback) together. Events arrive in (at, seq) order; the order is re-established here anyway. Pure.
 */
export function groupByTrace<E extends WindowEvent>(events: readonly E[]): TraceGroup<E>[] {
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
  const groups = new Map<string, TraceGroup<E>>();
  for (const event of ordered) {
    const traceId = event.action?.traceId ?? null;
    const key = traceId ?? `event:${event.seq}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, traceId, firstAt: event.at, lastAt: event.at, actionIds: [], events: [] };
      groups.set(key, group);
    }
    group.events.push(event);
    group.lastAt = event.at;
    if (event.actionId && !group.actionIds.includes(event.actionId)) group.actionIds.push(event.actionId);
  }
  return [...groups.values()];
}

/** How long a person took to decide: from the proposal to this decision event. */
export function decidedAfterMs(event: WindowEvent): number | null {
  return event.action ? Math.max(0, event.at.getTime() - event.action.createdAt.getTime()) : null;
}
