import { describe, expect, test } from 'vitest';
import { useSqliteTestDatabase } from '../../db/sqlite-test-database';

const database = useSqliteTestDatabase('warden-sealer-loop-');
const system = { type: 'system', id: 'test' } as const;

async function record(count: number) {
  const { recordAuditEvents } = await import('../record-audit-event');
  const { prismaRunner } = await import('../../db/sql-runner');
  await database.client.$transaction((tx) =>
    recordAuditEvents(
      prismaRunner(tx),
      Array.from({ length: count }, (_, i) => ({
        actor: system,
        type: 'tool.enabled' as const,
        payload: { name: `t${i}` },
      })),
    ),
  );
}

const unsealed = () => database.client.auditEvent.count({ where: { chainIndex: null } });

describe('the sealer loop', () => {
  test('a pass asked for during another runs after it, but not sooner than the gap after its start', async () => {
    const { sealSoon } = await import('./sealer-loop');
    await record(3);
    const started = Date.now();
    const first = sealSoon('loop-owner');
    await record(2); // committed while the first pass may be running: the second request must cover it
    const second = sealSoon('loop-owner');
    expect(second).toBe(first); // one promise: the second request joined the running pass and its follow-up
    await second;
    // The follow-up pass waited for the gap (200 ms after the first pass began) instead of running back to back.
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(await unsealed()).toBe(0);
  });
});
