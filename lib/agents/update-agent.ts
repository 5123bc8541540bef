import { can, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { agentChangedConflict } from './agent-conflict';
import { assertCanControlAgent } from './assert-can-control-agent';
import { findAgentOrThrow } from './find-agent';
import { resolveAgentOwner } from './resolve-agent-owner';
import { OWNER_EDITABLE_FIELDS, updateAgentSchema, type UpdateAgentInput } from './schemas';
import type { AgentRef } from './set-agent-status';

const FIELDS = ['purpose', 'monitoringNote', 'shutoffContact', 'manualFallback', 'environment', 'mode'] as const;
type Field = (typeof FIELDS)[number];

export type AgentUpdate = { agentId: string; name: string; version: number; changed: boolean };

/**
 * Edits an agent's identity: owners their own agent's purpose, monitoring note, shutoff contact and manual fallback; admins also its
 * environment, mode and owner (a transfer, audited with from/to). The name never changes. One compare-and-set on the
 * version: an edit based on a version someone else has moved on is a 409 with the current state, never a silent
 * overwrite. Fields sent unchanged are not changes; an edit that changes nothing writes nothing.
 */
export async function updateAgent(actor: Actor, ref: AgentRef, input: UpdateAgentInput): Promise<AgentUpdate> {
  const { expectedVersion, ownerId, ownerEmail, ...fields } = updateAgentSchema.parse(input);
  return db().$transaction(async (tx) => {
    const agent = await findAgentOrThrow(tx, ref);
    assertCanControlAgent(actor, agent);
    if (expectedVersion !== undefined && expectedVersion !== agent.version)
      throw await agentChangedConflict(tx, agent.id);

    const changes: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const value = fields[field];
      if (value !== undefined && value !== agent[field]) changes[field] = value;
    }
    const owner = ownerId || ownerEmail ? await resolveAgentOwner(tx, { ownerId, ownerEmail }) : null;
    const transfer = owner && owner.id !== agent.ownerId ? owner : null;

    const adminOnly = [
      ...Object.keys(changes).filter((field) => !(OWNER_EDITABLE_FIELDS as readonly string[]).includes(field)),
      ...(transfer ? ['owner'] : []),
    ];
    if (adminOnly.length > 0 && !can(actor, 'agents.manage')) {
      throw new WardenError(
        'forbidden',
        `${adminOnly.join(', ')}: only an admin can change this; an owner may change the purpose, monitoring note, shutoff contact and manual fallback.`,
        {
          issues: adminOnly.map((path) => ({ path, message: 'admins only' })),
        },
      );
    }
    const previousOwner = transfer ? await tx.user.findUniqueOrThrow({ where: { id: agent.ownerId } }) : null;
    // The old owner as the shutoff contact would leave the agent with nobody answerable to call: it follows the owner.
    if (
      transfer &&
      previousOwner &&
      changes.shutoffContact === undefined &&
      agent.shutoffContact === previousOwner.email
    ) {
      changes.shutoffContact = transfer.email;
    }
    if (Object.keys(changes).length === 0 && !transfer)
      return { agentId: agent.id, name: agent.name, version: agent.version, changed: false };

    const { count } = await tx.agent.updateMany({
      where: { id: agent.id, version: agent.version, archivedAt: null },
      data: { ...changes, ...(transfer ? { ownerId: transfer.id } : {}), version: { increment: 1 } },
    });
    if (count !== 1) throw await agentChangedConflict(tx, agent.id);
    const version = agent.version + 1;

    if (Object.keys(changes).length > 0) {
      const before = Object.fromEntries(Object.keys(changes).map((field) => [field, agent[field as Field]]));
      await recordAuditEvent(tx, {
        actor,
        agentId: agent.id,
        type: 'agent.updated',
        payload: { name: agent.name, version, before, after: changes },
      });
    }
    if (transfer && previousOwner) {
      await recordAuditEvent(tx, {
        actor,
        agentId: agent.id,
        type: 'agent.ownership_transferred',
        payload: {
          name: agent.name,
          version,
          from: { id: previousOwner.id, email: previousOwner.email },
          to: { id: transfer.id, email: transfer.email },
        },
      });
    }
    return { agentId: agent.id, name: agent.name, version, changed: true };
  });
}
