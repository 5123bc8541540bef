import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertCanControlAgent } from '../agents/assert-can-control-agent';
import { assertReviewGroupsExist } from './assert-review-groups-exist';
import { grantRulesSchema, type GrantRulesInput } from './schemas';
import { toGrantColumns, toGrantPolicy } from './to-grant-policy';

/**
 * Replaces a grant's rules. `expectedVersion` is the version the editor started from: a compare-and-set on it
 * refuses to overwrite someone else's change made in between. The audit event keeps before and after.
 */
export async function updateGrant(actor: Actor, input: { grantId: string; expectedVersion: number; rules: GrantRulesInput }) {
  const rules = grantRulesSchema.parse(input.rules);
  return db().$transaction(async (tx) => {
    const grant = await tx.grant.findUnique({ where: { id: input.grantId }, include: { agent: true, tool: true } });
    if (!grant) throw new WardenError('not_found', 'No such grant.');
    assertCanControlAgent(actor, grant.agent);
    await assertReviewGroupsExist(tx, rules);
    const version = input.expectedVersion + 1;
    const { count } = await tx.grant.updateMany({
      where: { id: grant.id, version: input.expectedVersion },
      data: { ...toGrantColumns(rules), version, updatedById: actor.type === 'user' ? actor.id : null },
    });
    if (count !== 1) {
      throw new WardenError('conflict', `This grant was changed by someone else (now version ${grant.version}); reload and apply your change again.`, {
        version: grant.version,
      });
    }
    await recordAuditEvent(tx, {
      actor, agentId: grant.agentId, type: 'grant.updated',
      payload: { tool: grant.tool.name, version, before: toGrantPolicy(grant), after: rules },
    });
    return { grantId: grant.id, version };
  });
}
