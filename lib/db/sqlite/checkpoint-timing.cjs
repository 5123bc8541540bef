// @ts-check
// When the checkpointer (checkpointer-thread.cjs) checkpoints. Plain CommonJS, type-checked by tsc: the thread runs
// it as it is (not bundled), and lib/db/sqlite/checkpoint-timing.test.ts proves it.

/**
 * @typedef {object} CheckpointClock
 * @property {number} now
 * @property {number | null} firstUnchecked when the first commit since the last checkpoint was seen; null if none
 * @property {number} lastSeen when a commit was last seen
 * @property {number} quietMs
 * @property {number} maxDeferMs
 */

/**
 * A checkpoint is due in the lull after writes: `quietMs` after the last commit seen, when its page copies and the
 * database file's fsync compete with no commit's WAL fsync on the same disk. Under writes that never pause, it is
 * due `maxDeferMs` after the first commit it has not checkpointed, so the WAL stays bounded. Nothing committed since
 * the last checkpoint: nothing is due.
 * @param {CheckpointClock} clock
 * @returns {boolean}
 */
function isCheckpointDue({ now, firstUnchecked, lastSeen, quietMs, maxDeferMs }) {
  if (firstUnchecked === null) return false;
  return now - lastSeen >= quietMs || now - firstUnchecked >= maxDeferMs;
}

module.exports = { isCheckpointDue };
