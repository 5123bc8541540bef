import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * The live queue hears switches too: engaging or releasing a stop changes which waiting rows are frozen though no
 * action changes, so the watcher says so (`onSwitches`) and the client reads its rows again. On PostgreSQL the
 * change is heard through its notice; on SQLite the engaged switches are read again every second.
 */
describe.each(TEST_DATABASES)('watchReviewQueue and the switches on %s', (kind) => {
  useTestDatabase(kind, 'warden-watch-queue');
  let w: typeof import('../seed/test-world');
  let watchReviewQueue: typeof import('./watch-review-queue').watchReviewQueue;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ watchReviewQueue } = await import('./watch-review-queue'));
  });

  it('calls onSwitches once a switch is engaged and once it is released, and not for a proposal', async () => {
    const { engageSwitch } = await import('../kill-switches/engage-switch');
    const { releaseSwitch } = await import('../kill-switches/release-switch');
    const { agent, tool } = await w.agentWithRefundTool({ rules: { approvals: 1 } });
    const reviewer = await w.person(['reviewer']);
    let heard = 0;
    let deltas = 0;
    const stop = watchReviewQueue(
      reviewer,
      { filter: {}, sort: 'newest' },
      { onDelta: () => (deltas += 1), onFacets: () => {}, onSwitches: () => (heard += 1), onReady: () => {} },
    );
    try {
      await w.propose(agent, tool, 'pending_review');
      await vi.waitFor(() => expect(deltas).toBeGreaterThan(0), { timeout: 5000, interval: 50 });
      // Two rereads' time (SQLite): a proposal is a delta, never a switch change.
      await new Promise((resolve) => setTimeout(resolve, 2200));
      expect(heard).toBe(0);

      const { id } = await engageSwitch(await w.person(['admin']), {
        scope: 'agent',
        agent: agent.id,
        effect: 'block',
        reason: 'live queue test',
      });
      await vi.waitFor(() => expect(heard).toBe(1), { timeout: 5000, interval: 50 });
      await releaseSwitch({ type: 'cli', id: 'test' }, { id, reason: 'done' });
      await vi.waitFor(() => expect(heard).toBe(2), { timeout: 5000, interval: 50 });
    } finally {
      stop();
    }
  });

  it('calls onSwitches for a stop engaged and released between two rereads', async () => {
    const { engageSwitch } = await import('../kill-switches/engage-switch');
    const { releaseSwitch } = await import('../kill-switches/release-switch');
    const { agent } = await w.agentWithRefundTool({ rules: { approvals: 1 } });
    let heard = 0;
    let ready: () => void = () => {};
    const watching = new Promise<void>((resolve) => (ready = resolve));
    const stop = watchReviewQueue(
      await w.person(['reviewer']),
      { filter: {}, sort: 'newest' },
      { onDelta: () => {}, onFacets: () => {}, onSwitches: () => (heard += 1), onReady: () => ready() },
    );
    try {
      // After the watcher's first read (what a client's `ready` waits for); then both changes within a few
      // milliseconds, well inside one reread's second: the engaged switches read the same before and after, and the
      // rows a client read in between are stale.
      await watching;
      const { id } = await engageSwitch(await w.person(['admin']), {
        scope: 'agent',
        agent: agent.id,
        effect: 'block',
        reason: 'engaged and released at once',
      });
      await releaseSwitch({ type: 'cli', id: 'test' }, { id, reason: 'done' });
      await vi.waitFor(() => expect(heard).toBeGreaterThan(0), { timeout: 5000, interval: 50 });
    } finally {
      stop();
    }
  });
});
