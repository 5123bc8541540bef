import type { Db } from '../../db/client';

const system = { type: 'system', id: 'test' } as const;

/** Test helper: `count` committed, unsealed events in one transaction (every third with an agent id). */
export async function recordTestEvents(client: Db, count: number): Promise<void> {
  const { recordAuditEvents } = await import('../record-audit-event');
  const { prismaRunner } = await import('../../db/sql-runner');
  await client.$transaction((tx) =>
    recordAuditEvents(
      prismaRunner(tx),
      Array.from({ length: count }, (_, i) => ({
        actor: system,
        type: 'tool.enabled' as const,
        payload: { name: `tool-${i}` },
        agentId: i % 3 === 0 ? `agent-${i}` : null,
      })),
    ),
  );
}
