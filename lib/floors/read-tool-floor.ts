import type { Tx } from '../db/client';
import type { ActionLevel } from '../policy/action-levels';
import { applicableFloor, type ApplicableFloor } from '../policy/admin-floors';

/** The floor a grant of this tool must meet, read inside the caller's transaction (the save that checks it). */
export async function readToolFloor(
  tx: Pick<Tx, 'approvalFloor'>,
  tool: { id: string; name: string; actionLevel: string },
): Promise<ApplicableFloor> {
  const rows = await tx.approvalFloor.findMany({
    where: { OR: [{ actionLevel: tool.actionLevel }, { toolId: tool.id }] },
  });
  return applicableFloor(
    { name: tool.name, actionLevel: tool.actionLevel as ActionLevel },
    {
      level: rows.find((row) => row.actionLevel !== null)?.minApprovals ?? null,
      tool: rows.find((row) => row.toolId !== null)?.minApprovals ?? null,
    },
  );
}
