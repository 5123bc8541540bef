import { randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { parseRoles } from '../auth/roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { createAgentSchema, type CreateAgentInput } from './schemas';

/** Every agent has an owner from the start: the person answerable for it and able to shut it off. */
export async function createAgent(actor: Actor, input: CreateAgentInput) {
  assertCan(actor, 'agents.manage');
  const data = createAgentSchema.parse(input);
  return db().$transaction(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: data.ownerId } });
    if (!owner || !parseRoles(owner.roles).some((role) => role === 'owner' || role === 'admin')) {
      throw new WardenError('invalid_input', 'The owner must be an existing user with the owner or admin role.', {
        issues: [{ path: 'ownerId', message: 'not an owner' }],
      });
    }
    if (await tx.agent.findUnique({ where: { name: data.name } })) {
      throw new WardenError('conflict', `An agent named "${data.name}" already exists.`);
    }
    const agent = await tx.agent.create({ data: { id: randomUUID(), ...data } });
    await recordAuditEvent(tx, { actor, agentId: agent.id, type: 'agent.created', payload: { name: agent.name, ownerId: owner.id } });
    return agent;
  });
}
