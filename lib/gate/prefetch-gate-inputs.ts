import { commitsWritesApart, runOutsideTransaction } from '../db/sql-runner';
import { readGateInputs, type GateInputs } from './read-gate-inputs';

/** The gate's reads made ahead of it, and the tool they were made for. */
export type PrefetchedGateInputs = { toolName: string; inputs: GateInputs };

/**
 * The gate's reads for a proposal, issued while the key that sent it is still being looked up, keyed by that key's
 * hash, so the proposal waits for one database reply where it waited for two: on SQLite both reads go to the worker
 * in the key lookup's message; on PostgreSQL they are pipelined behind it. Reading by a key not yet checked decides
 * and reveals nothing: proposeAction uses these reads only for the agent the key was found to belong to and the tool
 * it proposes, and only where it reads outside a transaction anyway (commitsWritesApart); a counted grant is read
 * again in its transaction.
 *
 * Never rejects (a proposal may never get to use it, e.g. an idempotent replay): a failed read is null, and the gate
 * reads again, where a failure is reported.
 */
export async function prefetchGateInputs(keyHash: string, toolName: string): Promise<PrefetchedGateInputs | null> {
  try {
    if (!(await commitsWritesApart())) return null;
    const inputs = await runOutsideTransaction((runner) => readGateInputs(runner, { keyHash }, toolName));
    return { toolName, inputs };
  } catch {
    return null;
  }
}
