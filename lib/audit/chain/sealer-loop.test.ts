import { describe, expect, test } from 'vitest';
import { useSqliteTestDatabase } from '../../db/sqlite-test-database';
import { recordTestEvents } from './record-test-events';

const database = useSqliteTestDatabase('warden-sealer-loop-');
const record = (count: number) => recordTestEvents(database.client, count);
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
