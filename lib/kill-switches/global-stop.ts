import type { Tx } from '../db/client';

export const GLOBAL_STOP_ID = 'global_stop';

/**
 * Reads the global stop inside the caller's transaction. A missing row means Warden cannot tell whether agents
 * were stopped, so it answers "stopped" (fail closed); the first migration creates the row.
 */
export async function readGlobalStop(tx: Tx): Promise<boolean> {
  const row = await tx.switch.findUnique({ where: { id: GLOBAL_STOP_ID }, select: { engaged: true } });
  return row ? row.engaged : true;
}
