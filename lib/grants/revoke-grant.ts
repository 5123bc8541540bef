import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertCanControlAgent } from '../agents/assert-can-control-agent';
import { toGrantPolicy } from './to-grant-policy';

/** Removes the agent's authority over a tool. Approved actions not yet claimed are blocked at claim. */
export async function revokeGrant(actor: Actor, grantId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const grant = await tx.grant.findUnique({ where: { id: grantId }, include: { agent: true, tool: true } });
    if (!grant) throw new WardenError('not_found', 'No such grant.');
    assertCanControlAgent(actor, grant.agent);
    const { count } = await tx.grant.deleteMany({ where: { id: grantId, version: grant.version } });
    if (count !== 1) throw new WardenError('conflict', 'This grant was changed meanwhile; reload and try again.');
    await recordAuditEvent(tx, {
      actor,
      agentId: grant.agentId,
      type: 'grant.revoked',
      payload: { tool: grant.tool.name, before: toGrantPolicy(grant) },
    });
  });
}
