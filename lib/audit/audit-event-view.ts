import type { Tx } from '../db/client';
import { readAuditPayload, type ReadAuditPayload } from './read-audit-payload';

type AuditEventRow = {
  seq: number;
  at: Date;
  actorType: string;
  actorId: string | null;
  actionId: string | null;
  agentId: string | null;
  type: string;
  payload: string;
};

/** An event for people to read: its type and payload as the one reader gives them (typed, or unparsed and flagged). */
export type AuditEventView = {
  seq: number;
  at: string;
  actorType: string;
  /** The person's or agent's name at read time; the CLI and system actors are named by their type. */
  actorName: string;
  actionId: string | null;
  agentId: string | null;
  agentName: string | null;
} & ReadAuditPayload;

/**
 * Audit rows store ids only (names can change; the record must not). This resolves the ids of one page of events
 * to today's names in two queries, for people to read.
 */
export async function toAuditEventViews(
  client: Pick<Tx, 'user' | 'agent'>,
  rows: AuditEventRow[],
): Promise<AuditEventView[]> {
  const userIds = new Set(rows.filter((row) => row.actorType === 'user' && row.actorId).map((row) => row.actorId!));
  const agentIds = new Set<string>();
  for (const row of rows) {
    if (row.agentId) agentIds.add(row.agentId);
    if (row.actorType === 'agent' && row.actorId) agentIds.add(row.actorId);
  }
  const [users, agents] = await Promise.all([
    client.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }),
    client.agent.findMany({ where: { id: { in: [...agentIds] } }, select: { id: true, name: true } }),
  ]);
  const userNames = new Map(users.map((user) => [user.id, user.name]));
  const agentNames = new Map(agents.map((agent) => [agent.id, agent.name]));

  return rows.map((row) => ({
    seq: row.seq,
    at: row.at.toISOString(),
    actorType: row.actorType,
    actorName: actorName(row, userNames, agentNames),
    actionId: row.actionId,
    agentId: row.agentId,
    agentName: row.agentId ? (agentNames.get(row.agentId) ?? null) : null,
    ...readAuditPayload(row.type, row.payload),
  }));
}

function actorName(row: AuditEventRow, users: Map<string, string>, agents: Map<string, string>): string {
  if (row.actorType === 'user') return (row.actorId && users.get(row.actorId)) || 'deleted user';
  if (row.actorType === 'agent') return `agent ${(row.actorId && agents.get(row.actorId)) || 'unknown'}`;
  if (row.actorType === 'cli') return 'admin CLI';
  return row.actorId ? `system (${row.actorId})` : 'system';
}
