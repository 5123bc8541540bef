import { randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { agentState } from './agent-state';
import { resolveAgentOwner } from './resolve-agent-owner';
import { createAgentSchema, type CreateAgentInput } from './schemas';

/**
 * Every agent has an owner from the start: the person answerable for it and able to shut it off. Names are unique
 * for ever: agents are archived, never deleted, so an archived agent's name stays taken.
 */
export async function createAgent(actor: Actor, input: CreateAgentInput) {
  assertCan(actor, 'agents.manage');
  const { ownerId, ownerEmail, ...data } = createAgentSchema.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const owner = await resolveAgentOwner(tx, { ownerId, ownerEmail });
      if (await tx.agent.findUnique({ where: { name: data.name }, select: { id: true } })) throw nameTaken(data.name);
      const agent = await tx.agent.create({
        data: { id: randomUUID(), ...data, shutoffContact: data.shutoffContact || owner.email, ownerId: owner.id },
      });
      const { version: _version, archivedAt: _archivedAt, ...after } = agentState(agent);
      await recordAuditEvent(tx, {
        actor,
        agentId: agent.id,
        type: 'agent.created',
        payload: { name: agent.name, ownerId: owner.id, after },
      });
      return agent;
    });
  } catch (error) {
    // Two creates with one name at once: the unique index decides, and the loser hears the same 409.
    if (isUniqueViolation(error)) throw nameTaken(data.name);
    throw error;
  }
}

function nameTaken(name: string): WardenError {
  return new WardenError(
    'conflict',
    `name: an agent named "${name}" already exists (names are never reused, even after an agent is archived).`,
    {
      issues: [{ path: 'name', message: 'already taken' }],
    },
  );
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
