import { assertCan, type Actor } from '../auth/actor';
import { readEffectiveStatuses } from '../actions/read-effective-statuses';
import { db } from '../db/client';
import type { ActionStatus } from '../policy/action-status';

const RECENT_ACTIONS = 10;
const WINDOW_DAYS = 30;

export type AgentTrackRecord = {
  recent: { id: string; tool: string; status: ActionStatus; createdAt: string }[];
  windowDays: number;
  approved: number;
  rejected: number;
  expired: number;
  /** approved / (approved + rejected) over the window, null when no person decided anything. */
  approvalRate: number | null;
};

/**
 * How an agent's proposals have fared, for the reviewer weighing its next one: its latest actions, and over the last
 * 30 days how many reviewers approved, rejected, or left to expire. Counted from the audit log, where each human
 * decision and each expiry is one event (the action row moves on to executing, succeeded, …).
 */
export async function getAgentTrackRecord(
  actor: Actor,
  agentId: string,
  { exclude, now = new Date() }: { exclude?: string; now?: Date } = {},
): Promise<AgentTrackRecord> {
  assertCan(actor, 'actions.read');
  const since = new Date(now.getTime() - WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const count = (type: string) => db().auditEvent.count({ where: { agentId, type, at: { gte: since } } });
  const [recent, approved, rejected, expired] = await Promise.all([
    db().action.findMany({
      where: { agentId, ...(exclude && { id: { not: exclude } }) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: RECENT_ACTIONS,
      select: { id: true, agentId: true, toolName: true, status: true, createdAt: true, expiresAt: true },
    }),
    count('action.approved'),
    count('action.rejected'),
    count('action.expired'),
  ]);
  const statuses = await readEffectiveStatuses(db(), recent, now.getTime());
  return {
    recent: recent.map((row, i) => ({
      id: row.id,
      tool: row.toolName,
      status: statuses[i] as ActionStatus,
      createdAt: row.createdAt.toISOString(),
    })),
    windowDays: WINDOW_DAYS,
    approved,
    rejected,
    expired,
    approvalRate: approved + rejected === 0 ? null : approved / (approved + rejected),
  };
}
