import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { canHandleDraft } from './can-handle-draft';

export type DraftLinks = {
  /** Set for a draft: its fate (null while undecided) and whether the viewer may promote or discard it. */
  draft: { fate: string | null; promotedActionId: string | null; fateAt: Date | null; canHandle: boolean } | null;
  /** The draft an action was promoted from. */
  promotedFromId: string | null;
};

/** What the action page shows of a draft's fate and of the links between a draft and its promoted action. */
export async function getDraftLinks(actor: Actor, actionId: string): Promise<DraftLinks> {
  assertCan(actor, 'actions.read');
  const row = await db().action.findUnique({
    where: { id: actionId },
    select: {
      status: true,
      draftFate: true,
      draftFateAt: true,
      promotedActionId: true,
      promotedFromId: true,
      agent: { select: { ownerId: true, name: true, archivedAt: true } },
    },
  });
  if (!row) return { draft: null, promotedFromId: null };
  const draft =
    row.status === 'draft'
      ? {
          fate: row.draftFate,
          promotedActionId: row.promotedActionId,
          fateAt: row.draftFateAt,
          canHandle: row.draftFate === null && canHandleDraft(actor, row.agent),
        }
      : null;
  return { draft, promotedFromId: row.promotedFromId };
}
