import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertCanControlAgent } from '../agents/assert-can-control-agent';
import { canGovernGrants } from '../floors/can-govern-grants';
import { describeLoosening } from '../policy/grant-loosening';
import type { GrantPolicy } from '../policy/grant-policy';
import { assertConditionParamsKnown, assertMeetsFloor } from './assert-grant-fits-tool';
import { assertReviewGroupsExist } from './assert-review-groups-exist';
import { grantRulesSchema, type GrantRulesInput } from './schemas';
import { rulesToPolicy, toGrantColumns, toGrantPolicy } from './to-grant-policy';

export type UpdateGrantInput = {
  grantId: string;
  /** The version the editor started from: a compare-and-set on it refuses to overwrite a change made in between. */
  expectedVersion: number;
  rules: GrantRulesInput;
  /** The person saw what the change loosens and confirmed it. */
  confirmLoosening?: boolean;
};

/**
 * Replaces a grant's rules. Conditions must name the tool's parameters; owners must stay at or above the admin floor.
 * A change that loosens the grant (lib/policy/grant-loosening.ts) needs the person's confirmation; an owner's is then
 * held for an admin (`held`, the grant keeps its version) and an admin's applies. Audited with before and after.
 */
export async function updateGrant(actor: Actor, input: UpdateGrantInput) {
  const rules = grantRulesSchema.parse(input.rules);
  return db().$transaction(async (tx) => {
    const grant = await tx.grant.findUnique({ where: { id: input.grantId }, include: { agent: true, tool: true } });
    if (!grant) throw new WardenError('not_found', 'No such grant.');
    assertCanControlAgent(actor, grant.agent);
    if (grant.version !== input.expectedVersion) throw changedMeanwhile(grant.version);
    await assertReviewGroupsExist(tx, rules);
    assertConditionParamsKnown(grant.tool, rules);
    const governs = canGovernGrants(actor);
    if (!governs) await assertMeetsFloor(tx, grant.tool, rules);

    const before = toGrantPolicy(grant)!;
    const loosened = describeLoosening(before, rulesToPolicy(rules) as GrantPolicy).map((loosening) => loosening.words);
    // The admin CLI acts on the server with full authority and asks nothing; people confirm in the console.
    if (loosened.length > 0 && actor.type === 'user' && !input.confirmLoosening) {
      const message = `This change loosens the grant: ${loosened.join('; ')}. Confirm to ${governs ? 'save it' : 'send it to an admin for approval'}.`;
      throw new WardenError('invalid_input', message, { issues: [{ path: 'confirmLoosening', message }], loosened });
    }

    if (loosened.length > 0 && !governs) {
      const changeRequestId = randomUUID();
      await tx.grantChangeRequest.create({
        data: {
          id: changeRequestId,
          grantId: grant.id,
          agentId: grant.agentId,
          toolName: grant.tool.name,
          baseVersion: grant.version,
          rules: JSON.stringify(rules),
          loosened: JSON.stringify(loosened),
          requestedById: actor.id,
        },
      });
      await recordAuditEvent(tx, {
        actor,
        agentId: grant.agentId,
        type: 'grant.change_held',
        payload: { tool: grant.tool.name, changeRequestId, baseVersion: grant.version, loosened, before, after: rules },
      });
      return { grantId: grant.id, version: grant.version, held: { changeRequestId, loosened } };
    }

    const version = grant.version + 1;
    const { count } = await tx.grant.updateMany({
      where: { id: grant.id, version: grant.version },
      data: { ...toGrantColumns(rules), version, updatedById: actor.type === 'user' ? actor.id : null },
    });
    if (count !== 1) throw changedMeanwhile(grant.version);
    await recordAuditEvent(tx, {
      actor,
      agentId: grant.agentId,
      type: 'grant.updated',
      payload: { tool: grant.tool.name, version, before, after: rules, ...(loosened.length > 0 ? { loosened } : {}) },
    });
    return { grantId: grant.id, version };
  });
}

export function changedMeanwhile(version: number): WardenError {
  return new WardenError(
    'conflict',
    `This grant was changed by someone else (now version ${version}); reload and apply your change again.`,
    { version },
  );
}
