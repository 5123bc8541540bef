import type { Tx } from '../db/client';
import { WardenError } from '../errors';
import { agentState } from './agent-state';

/** The 409 for an edit based on a version that is no longer current: it carries the current state to re-apply on. */
export async function agentChangedConflict(tx: Tx, agentId: string): Promise<WardenError> {
  const current = await tx.agent.findUniqueOrThrow({ where: { id: agentId } });
  if (current.archivedAt) return archivedConflict(current.name);
  return new WardenError(
    'conflict',
    `Someone else changed agent "${current.name}" first (now version ${current.version}). Reload it and apply your change again.`,
    { current: agentState(current) },
  );
}

export function archivedConflict(name: string): WardenError {
  return new WardenError('conflict', `Agent "${name}" is archived: it is read-only.`, { archived: true });
}
