import { db } from '../db/client';
import { WardenError } from '../errors';

/** A draft with its agent (for who may handle it); any other action, or none, is "no such draft". */
export async function loadDraft(draftId: string) {
  const draft = await db().action.findUnique({
    where: { id: draftId },
    select: {
      id: true,
      agentId: true,
      toolName: true,
      params: true,
      paramsHash: true,
      reason: true,
      sources: true,
      requester: true,
      requesterVerified: true,
      traceId: true,
      currentValues: true,
      status: true,
      draftFate: true,
      promotedActionId: true,
      agent: { select: { ownerId: true, name: true, archivedAt: true } },
    },
  });
  if (!draft || draft.status !== 'draft') throw new WardenError('not_found', 'No such draft.');
  return draft;
}
