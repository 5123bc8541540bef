// Many pending actions at once, written straight to the table (the gate would take a proposal each): enough to
// reach the default pending cap in a fraction of a second.
import { randomUUID } from 'node:crypto';
import { lib } from '../fixtures/warden-lib';

export async function seedPendingActions(agent: { id: string }, tool: { id: string; name: string }, count: number): Promise<void> {
  const now = Date.now();
  await lib.db().db().action.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      agentId: agent.id,
      toolId: tool.id,
      toolName: tool.name,
      params: JSON.stringify({ orderId: `ORD-${i}`, amount: 1 }),
      traceId: `tr_seed_${i}`,
      status: 'pending_review',
      approvalsRequired: 1,
      expiresAt: new Date(now + 3600_000),
    })),
  });
}
