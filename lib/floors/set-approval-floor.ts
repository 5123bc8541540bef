import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { WardenError } from '../errors';
import { ACTION_LEVEL_LABELS } from '../policy/action-levels';
import { DEFAULT_LEVEL_FLOORS } from '../policy/admin-floors';
import { assertCanGovernGrants } from './can-govern-grants';
import { setApprovalFloorSchema, type SetApprovalFloorInput } from './schemas';

/**
 * Sets (or clears) one floor. Existing grants below a raised floor keep working as they are (the gate does not read
 * floors); the next change to them must meet it. Audited with the value before and after.
 */
export async function setApprovalFloor(actor: Actor, input: SetApprovalFloorInput) {
  assertCanGovernGrants(actor);
  const request = setApprovalFloorSchema.parse(input);
  return db().$transaction(async (tx) => {
    const target =
      request.scope === 'level'
        ? {
            id: `level:${request.actionLevel}`,
            column: { actionLevel: request.actionLevel },
            scope: `${ACTION_LEVEL_LABELS[request.actionLevel].toLowerCase()} tools`,
            fallback: DEFAULT_LEVEL_FLOORS[request.actionLevel],
          }
        : await toolTarget(tx, request.tool);
    const existing = await tx.approvalFloor.findUnique({ where: { id: target.id } });
    const byId = actor.type === 'user' ? actor.id : null;
    if (request.minApprovals === null) {
      if (existing)
        await changeOrConflict(
          tx.approvalFloor.deleteMany({ where: { id: target.id, minApprovals: existing.minApprovals } }),
        );
    } else if (existing) {
      await changeOrConflict(
        tx.approvalFloor.updateMany({
          where: { id: target.id, minApprovals: existing.minApprovals },
          data: { minApprovals: request.minApprovals, updatedById: byId },
        }),
      );
    } else {
      await tx.approvalFloor.create({
        data: { id: target.id, ...target.column, minApprovals: request.minApprovals, updatedById: byId },
      });
    }
    const before = existing?.minApprovals ?? target.fallback;
    const after = request.minApprovals ?? target.fallback;
    await recordAuditEvent(tx, { actor, type: 'floor.set', payload: { scope: target.scope, before, after } });
    return { scope: target.scope, minApprovals: after };
  });
}

async function toolTarget(tx: Tx, name: string) {
  const tool = await tx.tool.findUnique({ where: { name }, select: { id: true, name: true } });
  if (!tool) throw new WardenError('not_found', `No tool named "${name}".`);
  return { id: `tool:${tool.id}`, column: { toolId: tool.id }, scope: tool.name, fallback: null };
}

async function changeOrConflict(change: Promise<{ count: number }>): Promise<void> {
  if ((await change).count !== 1)
    throw new WardenError('conflict', 'This floor was changed by someone else meanwhile; reload and try again.');
}
