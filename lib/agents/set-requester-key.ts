import type { Actor } from '../auth/actor';
import { importRequesterKey } from '../auth/verify-requester';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertCanControlAgent } from './assert-can-control-agent';
import { findAgentOrThrow } from './find-agent';
import type { AgentRef } from './set-agent-status';

/** Sets (or clears, with null) the public key that verifies requester assertions this agent forwards. */
export async function setRequesterKey(
  actor: Actor,
  ref: AgentRef,
  input: { key: string | null; issuer?: string | null },
): Promise<void> {
  const key = input.key?.trim() || null;
  if (key && !(await isUsableKey(key))) {
    throw new WardenError('invalid_input', 'The requester key must be a public key in PEM (SPKI) or JWK form.', {
      issues: [{ path: 'key', message: 'not a usable public key' }],
    });
  }
  const issuer = input.issuer?.trim() || null;
  await db().$transaction(async (tx) => {
    const agent = await findAgentOrThrow(tx, ref);
    assertCanControlAgent(actor, agent);
    await tx.agent.update({ where: { id: agent.id }, data: { requesterKey: key, requesterIssuer: issuer } });
    await recordAuditEvent(tx, {
      actor,
      agentId: agent.id,
      type: 'agent.requester_key_set',
      payload: { issuer, configured: key !== null },
    });
  });
}

async function isUsableKey(key: string): Promise<boolean> {
  for (const alg of ['ES256', 'RS256', 'EdDSA', 'ES384', 'PS256']) {
    try {
      await importRequesterKey(key, alg);
      return true;
    } catch {
      // try the next algorithm: the key type decides which one fits
    }
  }
  return false;
}
