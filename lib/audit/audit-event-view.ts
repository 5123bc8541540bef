import type { Tx } from '../db/client';

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

export type AuditEventView = {
  seq: number;
  at: string;
  actorType: string;
  /** The person's or agent's name at read time; the CLI and system actors are named by their type. */
  actorName: string;
  type: string;
  actionId: string | null;
  agentId: string | null;
  agentName: string | null;
  payload: Record<string, unknown>;
};

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
    type: row.type,
    actionId: row.actionId,
    agentId: row.agentId,
    agentName: row.agentId ? (agentNames.get(row.agentId) ?? null) : null,
    payload: parsePayload(row.payload),
  }));
}

function actorName(row: AuditEventRow, users: Map<string, string>, agents: Map<string, string>): string {
  if (row.actorType === 'user') return (row.actorId && users.get(row.actorId)) || 'deleted user';
  if (row.actorType === 'agent') return `agent ${(row.actorId && agents.get(row.actorId)) || 'unknown'}`;
  if (row.actorType === 'cli') return 'admin CLI';
  return row.actorId ? `system (${row.actorId})` : 'system';
}

function parsePayload(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { raw: text };
  }
}
