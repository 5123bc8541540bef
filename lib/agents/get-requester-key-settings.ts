import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';

/** The public key (not a secret) and issuer that verify the requester assertions this agent forwards. */
export async function getRequesterKeySettings(actor: Actor, agentId: string) {
  assertCan(actor, 'agents.read');
  const agent = await db().agent.findUnique({
    where: { id: agentId },
    select: { requesterKey: true, requesterIssuer: true },
  });
  if (!agent) throw new WardenError('not_found', 'No agent with that id.');
  return { key: agent.requesterKey, issuer: agent.requesterIssuer };
}
