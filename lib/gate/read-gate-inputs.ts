import type { SqlRunner } from '../db/sql-runner';
import { readEngagedSwitches, readEngagedSwitchesOfKey } from '../kill-switches/global-stop';
import type { SwitchFact } from '../policy/switch-effects';
import { readGateRow, type AgentLookup, type GateRow } from './read-gate-row';

/** What the gate reads about one (agent, tool) pair before it decides: the gate row and the engaged switches. */
export type GateInputs = { row: GateRow | null; engaged: SwitchFact[] };

/**
 * The gate's two reads, issued at once: on SQLite they travel to the worker in one message and come back in one, so
 * a proposal waits for one reply instead of two (each reply is handled on a later turn of the server's event loop);
 * on PostgreSQL they are pipelined. The agent is named by id, or by a key it holds (the prefetch: a read issued
 * while that key is still being checked).
 */
export async function readGateInputs(runner: SqlRunner, agent: AgentLookup, toolName: string): Promise<GateInputs> {
  const [row, engaged] = await Promise.all([
    readGateRow(runner, agent, toolName),
    'keyHash' in agent ? readEngagedSwitchesOfKey(runner, agent.keyHash) : readEngagedSwitches(runner, agent.id),
  ]);
  return { row, engaged };
}
