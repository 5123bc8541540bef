import { describe, expect, it, vi } from 'vitest';

vi.stubEnv('WARDEN_PASSWORD_HASH_CONCURRENCY', '2');
vi.stubEnv('WARDEN_PASSWORD_HASH_QUEUE', '1');
const { acquireHashingSlot } = await import('./hashing-slots');

describe('acquireHashingSlot', () => {
  it('gives the slots at once, queues a bounded few in order, and refuses the rest at once', async () => {
    const first = await acquireHashingSlot();
    const second = await acquireHashingSlot();
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();

    let queuedGotSlot = false;
    const queued = acquireHashingSlot().then((release) => {
      queuedGotSlot = true;
      return release;
    });
    expect(await acquireHashingSlot()).toBeNull();
    await Promise.resolve();
    expect(queuedGotSlot).toBe(false);

    first!();
    first!(); // a second release of the same slot changes nothing
    const third = await queued;
    expect(third).not.toBeNull();
    // The released slot went to the waiter: both are held again (second, third), so the next caller waits and the
    // one after it is refused; releasing both lets the waiter through and frees a slot.
    const waiter = acquireHashingSlot();
    expect(await acquireHashingSlot()).toBeNull();
    second!();
    expect(await waiter).not.toBeNull();
    third!();
    expect(await acquireHashingSlot()).not.toBeNull();
  });
});
