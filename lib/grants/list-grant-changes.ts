import { assertCan, type Actor } from '../auth/actor';
import { listEventsOfSubject } from '../audit/list-events-of-subject';

/** Who created, changed or revoked (or asked to loosen, and which admin decided) the grant of one tool to one agent, and what it said before and after; newest first. */
export async function listGrantChanges(actor: Actor, input: { agentId: string; tool: string }) {
  assertCan(actor, 'audit.read');
  return listEventsOfSubject({
    types: [
      'grant.created',
      'grant.updated',
      'grant.revoked',
      'grant.change_held',
      'grant.change_approved',
      'grant.change_rejected',
      'grant.change_stale',
    ],
    key: 'tool',
    value: input.tool,
    agentId: input.agentId,
  });
}
