import type { ActionLevel } from '../policy/action-levels';
import type { RiskFlagCode } from './assess-risk';
import { QUEUE_AGES, type QueueFilter } from './schemas';

/** What the queue's filters look at in one pending action. */
export type QueueFacts = {
  agent: string;
  tool: string;
  actionLevel: ActionLevel | null;
  riskCodes: readonly RiskFlagCode[];
  requester: string | null;
  createdAt: string;
  waitingForMe: boolean;
};

type Dimension = 'agent' | 'tool' | 'level' | 'risk' | 'requester' | 'age' | 'mine';

function matches(row: QueueFacts, filter: QueueFilter, now: number, skip?: Dimension): boolean {
  if (skip !== 'agent' && filter.agent && row.agent !== filter.agent) return false;
  if (skip !== 'tool' && filter.tool && row.tool !== filter.tool) return false;
  if (skip !== 'level' && filter.level && row.actionLevel !== filter.level) return false;
  if (skip !== 'risk' && filter.risk && !row.riskCodes.includes(filter.risk)) return false;
  if (skip !== 'requester' && filter.requester && !row.requester?.toLowerCase().includes(filter.requester.toLowerCase())) return false;
  if (skip !== 'age' && filter.age && now - Date.parse(row.createdAt) < QUEUE_AGES[filter.age] * 60_000) return false;
  if (skip !== 'mine' && filter.mine && !row.waitingForMe) return false;
  return true;
}

/** The rows that pass every filter. Pure: the same rule for the page and its tests. */
export function filterQueue<T extends QueueFacts>(rows: readonly T[], filter: QueueFilter, now = Date.now()): T[] {
  return rows.filter((row) => matches(row, filter, now));
}

export type QueueCounts = {
  byAgent: { name: string; count: number }[];
  byRisk: Partial<Record<RiskFlagCode, number>>;
  /** Pending actions this reviewer may approve now, under the other filters. */
  waitingForMe: number;
};

/**
 * Counts per agent and per risk flag, faceted: each dimension is counted under every OTHER filter, so the number
 * beside an agent is what the queue would show on choosing that agent (choosing an agent does not make every other
 * agent read 0). An action with several risk flags counts once under each.
 */
export function countQueue(rows: readonly QueueFacts[], filter: QueueFilter, now = Date.now()): QueueCounts {
  const agents = new Map<string, number>();
  for (const row of rows) if (matches(row, filter, now, 'agent')) agents.set(row.agent, (agents.get(row.agent) ?? 0) + 1);
  const byRisk: Partial<Record<RiskFlagCode, number>> = {};
  for (const row of rows) {
    if (!matches(row, filter, now, 'risk')) continue;
    for (const code of new Set(row.riskCodes)) byRisk[code] = (byRisk[code] ?? 0) + 1;
  }
  return {
    byAgent: [...agents].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    byRisk,
    waitingForMe: rows.filter((row) => row.waitingForMe && matches(row, filter, now, 'mine')).length,
  };
}
