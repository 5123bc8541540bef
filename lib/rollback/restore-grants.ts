import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { updateGrant } from '../grants/update-grant';
import { previewGrantRestore } from './preview-grant-restore';

/**
 * Applies a grant restore: each changed grant gets its rules of that time as a NEW version through the normal update
 * path (updateGrant: the version compare-and-set, review-group and parameter checks, a grant.updated event with
 * before and after). Restoring may loosen a grant; the admin saw the diff and asked for it, so it is confirmed. Each
 * grant commits on its own: should one fail (changed meanwhile), the ones before it stay restored and the error says
 * so; a grants.restored event lists those restored.
 */
export async function restoreGrants(actor: Actor, input: { agentId: string; asOf: Date }) {
  assertCan(actor, 'actions.rollback');
  const plan = await previewGrantRestore(actor, input);
  const restored: string[] = [];
  try {
    for (const change of plan.changes) {
      const updated = await updateGrant(actor, {
        grantId: change.grantId,
        expectedVersion: change.version,
        rules: change.then,
        confirmLoosening: true,
      });
      if (!('held' in updated && updated.held)) restored.push(change.tool);
    }
  } finally {
    if (restored.length > 0) {
      await db().$transaction((tx) =>
        recordAuditEvent(tx, {
          actor,
          agentId: plan.agentId,
          type: 'grants.restored',
          payload: { asOf: plan.asOf, changed: restored },
        }),
      );
    }
  }
  return { asOf: plan.asOf, restored, skipped: plan.skipped };
}
