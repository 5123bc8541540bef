import { ACTION_TABLE, APPROVAL_TABLE, AUDIT_TABLE, type BulkWriter, type Row } from './bulk-writer';
import type { HistoryBuilder, TimedEvent } from './build-history';
import type { Plan } from './plan-history';

export type HistoryCounts = {
  actions: number;
  approvals: number;
  events: number;
  hostile: number;
  byStatus: Map<string, number>;
};

const ACTIONS_PER_FLUSH = 5_000;
const FLUSHES_PER_TRANSACTION = 10;

/**
 * Writes the plans' rows in time order: actions by creation time (so their time-ordered ids arrive in order, as the
 * gate writes them), audit events by their own time across all actions (so `seq` follows `at`, as in the app's log).
 * An action's later events wait in a heap until the stream reaches their time. Rows go out in batches, many
 * batches per transaction; an action always lands before the events and approvals that refer to it.
 */
export async function writeHistory(
  plans: Plan[],
  builder: HistoryBuilder,
  writer: BulkWriter,
  onProgress: (done: number) => void,
): Promise<HistoryCounts> {
  const counts: HistoryCounts = { actions: 0, approvals: 0, events: 0, hostile: 0, byStatus: new Map() };
  const later = new EventHeap();
  let actions: Row[] = [];
  let approvals: Row[] = [];
  let events: Row[] = [];
  let flushes = 0;
  // One batch is written while the next is generated: on PostgreSQL the server inserts as this process computes.
  let inFlight: Promise<void> = Promise.resolve();

  const flush = async () => {
    const batch = { actions, approvals, events, begin: flushes === 0, commit: ++flushes === FLUSHES_PER_TRANSACTION };
    if (batch.commit) flushes = 0;
    counts.actions += actions.length;
    counts.approvals += approvals.length;
    counts.events += events.length;
    actions = [];
    approvals = [];
    events = [];
    await inFlight;
    inFlight = (async () => {
      if (batch.begin) await writer.begin();
      await writer.insert(ACTION_TABLE, batch.actions);
      await writer.insert(APPROVAL_TABLE, batch.approvals);
      await writer.insert(AUDIT_TABLE, batch.events);
      if (batch.commit) await writer.commit();
    })();
    inFlight.catch(() => undefined); // awaited (and thrown) at the next flush or at the end
  };

  for (const [index, plan] of plans.entries()) {
    // Let the driver take the answer to one statement and send the next while rows are being generated.
    if (index % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    while (later.peek() !== undefined && later.peek()!.at <= plan.at) events.push(later.pop()!.row);
    const built = builder.build(plan);
    if (built.action) {
      actions.push(built.action);
      approvals.push(...built.approvals);
      const status = plan.status;
      counts.byStatus.set(status, (counts.byStatus.get(status) ?? 0) + 1);
    }
    if (built.hostile) counts.hostile += 1;
    for (const event of built.events) later.push(event);
    if (actions.length >= ACTIONS_PER_FLUSH) {
      await flush();
      onProgress(index + 1);
    }
  }
  while (later.peek() !== undefined) events.push(later.pop()!.row);
  await flush();
  await inFlight;
  if (flushes > 0) await writer.commit();
  onProgress(plans.length);
  return counts;
}

/** A min-heap of events by time; events of the same time leave in the order they came (proposed before decided). */
class EventHeap {
  private readonly items: (TimedEvent & { order: number })[] = [];
  private order = 0;

  peek(): TimedEvent | undefined {
    return this.items[0];
  }

  push(event: TimedEvent): void {
    const items = this.items;
    items.push({ ...event, order: this.order++ });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): TimedEvent | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.before(left, smallest)) smallest = left;
        if (right < items.length && this.before(right, smallest)) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest], items[i]];
        i = smallest;
      }
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const x = this.items[a];
    const y = this.items[b];
    return x.at < y.at || (x.at === y.at && x.order < y.order);
  }
}
