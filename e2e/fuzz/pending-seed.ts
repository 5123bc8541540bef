// Many pending actions at once, written straight to the table (the gate would take a proposal each): enough to
// reach the default pending cap in a fraction of a second. Time-ordered ids from a day ago, like old actions.
import path from 'node:path';
import { require as tsxRequire } from 'tsx/cjs/api';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

const { uuidV7 } = tsxRequire(
  path.resolve(__dirname, '../../lib/ids/time-ordered-id.ts'),
  __filename,
) as typeof import('@/lib/ids/time-ordered-id');
/** A day back: the seeded rows sort behind every other spec's (the queue's newest-first pages are shared). */
const A_DAY = 24 * 3600_000;

export async function seedPendingActions(
  agent: { id: string },
  tool: { id: string; name: string },
  count: number,
): Promise<void> {
  const now = Date.now();
  await db().action.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      id: uuidV7(now - A_DAY),
      createdAt: new Date(now - A_DAY),
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
