import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';

/** Disabling a tool blocks it for every agent at once (proposals and claims); enabling restores the grants as they were. */
export async function setToolEnabled(
  actor: Actor,
  input: { toolId: string; enabled: boolean },
): Promise<{ changed: boolean }> {
  assertCan(actor, 'tools.manage');
  return db().$transaction(async (tx) => {
    const tool = await tx.tool.findUnique({ where: { id: input.toolId } });
    if (!tool) throw new WardenError('not_found', 'No such tool.');
    const { count } = await tx.tool.updateMany({
      where: { id: tool.id, enabled: !input.enabled },
      data: { enabled: input.enabled },
    });
    if (count === 1)
      await recordAuditEvent(tx, {
        actor,
        type: input.enabled ? 'tool.enabled' : 'tool.disabled',
        payload: { name: tool.name },
      });
    return { changed: count === 1 };
  });
}
