import { z } from 'zod';
import type { AuditEventType } from '../event-types';
import { text, nullableText, texts, fields } from './fields';

/** Agents and their keys (lib/agents/). */
export const agentPayloads = {
  'agent.created': z.strictObject({ name: text, ownerId: text, after: fields.optional() }),
  'agent.paused': z.strictObject({ reason: nullableText }),
  // Resumed by a person, or by an incident's return to normal (which names its request and incident).
  'agent.resumed': z.strictObject({ returnToNormalRequestId: text.optional(), incidentId: text.optional() }),
  'agent.mode_changed': z.strictObject({ from: text, to: text }),
  'agent_key.created': z.strictObject({ keyId: text, prefix: text, label: text, expiresAt: nullableText }),
  'agent_key.revoked': z.strictObject({ keyId: text, prefix: text }),
  'agent.requester_key_set': z.strictObject({ issuer: nullableText, configured: z.boolean() }),
  'agent_key.rotated': z.strictObject({ keyId: text, prefix: text, replacedKeyId: text, oldKeyExpiresAt: text }),
  // Agents managed in the product (lib/agents/update-agent.ts, archive-agent.ts): before/after of what changed.
  'agent.updated': z.strictObject({ name: text, version: z.number(), before: fields, after: fields }),
  'agent.ownership_transferred': z.strictObject({
    name: text,
    version: z.number(),
    from: z.strictObject({ id: text, email: text }),
    to: z.strictObject({ id: text, email: text }),
  }),
  'agent.archived': z.strictObject({
    name: text,
    version: z.number(),
    revokedKeys: texts,
    rejectedActions: z.number(),
    blockedActions: z.number(),
  }),
} satisfies Partial<Record<AuditEventType, z.ZodType>>;
