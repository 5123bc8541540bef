import type { Tx } from '../db/client';
import { WardenError } from '../errors';

/**
 * Why a compare-and-set on an open incident matched nothing, read after the fact: it does not exist, it is closed
 * (terminal: nothing more is written to it), or someone changed it since the caller loaded it.
 */
export async function incidentRefusal(
  tx: Tx,
  id: string,
  expectedVersion: number | undefined,
  what: string,
): Promise<WardenError> {
  const current = await tx.incident.findUnique({ where: { id }, select: { status: true, version: true } });
  if (!current) return new WardenError('not_found', 'No incident with that id.', { incidentId: id });
  if (current.status !== 'open')
    return new WardenError('conflict', `This incident is closed: ${what} is no longer possible.`, {
      status: current.status,
    });
  return new WardenError(
    'conflict',
    `This incident changed since you loaded it (version ${expectedVersion} → ${current.version}). Reload and try again.`,
    {
      status: current.status,
      version: current.version,
    },
  );
}
