// What an agent's requests may change in the database: the fuzz and corpus specs compare these before and after.
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

/** A refused request may leave an audit row saying so; nothing else. */
export const REFUSAL_EVENTS = new Set(['action.params_invalid', 'gate.throttled']);

export type AgentFootprint = {
  actions: string;
  idempotencyRecords: number;
  auditEvents: number;
  otherEvents: string[];
};

/** The agent's actions (ids, status and versions), its Idempotency-Key records, and its audit events but refusals. */
export async function agentFootprint(agentId: string): Promise<AgentFootprint> {
  const client = db();
  const [actions, idempotencyRecords, events] = await Promise.all([
    client.action.findMany({
      where: { agentId },
      orderBy: { id: 'asc' },
      select: { id: true, status: true, paramsVersion: true, result: true, updatedAt: true },
    }),
    client.idempotencyRecord.count({ where: { agentId } }),
    client.auditEvent.findMany({ where: { agentId }, orderBy: { seq: 'asc' }, select: { type: true } }),
  ]);
  const otherEvents = events.map((event) => event.type).filter((type) => !REFUSAL_EVENTS.has(type));
  return { actions: JSON.stringify(actions), idempotencyRecords, auditEvents: events.length, otherEvents };
}
